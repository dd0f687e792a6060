package dev.tandem.ingest.bridge;

import dev.tandem.ingest.validate.DeadLetterReason;
import dev.tandem.protocol.stream.FleetStream;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** The bridge's meters, created once so the message path only increments. */
final class BridgeMetrics {
  private final Map<FleetStream, Counter> received = new EnumMap<>(FleetStream.class);
  private final Map<FleetStream, Counter> forwarded = new EnumMap<>(FleetStream.class);
  private final Map<DeadLetterReason, Counter> deadLettered = new EnumMap<>(DeadLetterReason.class);
  private final Counter kafkaRetries;
  private final Timer kafkaLatency;

  BridgeMetrics(MeterRegistry registry, IntSupplier inFlight, BooleanSupplier connected) {
    for (FleetStream stream : FleetStream.values()) {
      received.put(
          stream,
          Counter.builder("tandem_ingest_messages_received")
              .description("Valid fleet messages received from MQTT")
              .tag("stream", stream.kafkaTopic())
              .register(registry));
      forwarded.put(
          stream,
          Counter.builder("tandem_ingest_messages_forwarded")
              .description("Fleet messages acknowledged by Kafka and then by the bridge to MQTT")
              .tag("stream", stream.kafkaTopic())
              .register(registry));
    }
    for (DeadLetterReason reason : DeadLetterReason.values()) {
      deadLettered.put(
          reason,
          Counter.builder("tandem_ingest_messages_dead_lettered")
              .description("Invalid messages written to the dead-letter topic")
              .tag("reason", reason.name())
              .register(registry));
    }
    kafkaRetries =
        Counter.builder("tandem_ingest_kafka_retries")
            .description("Records re-sent after Kafka failed to acknowledge them")
            .register(registry);
    kafkaLatency =
        Timer.builder("tandem_ingest_kafka_ack_latency")
            .description("From MQTT arrival to Kafka acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    Gauge.builder("tandem_ingest_in_flight", inFlight::getAsInt)
        .description("Messages received and not yet acknowledged to MQTT")
        .register(registry);
    Gauge.builder("tandem_ingest_mqtt_connected", () -> connected.getAsBoolean() ? 1 : 0)
        .description("1 while every connection to the fleet broker is up")
        .register(registry);
  }

  void received(FleetStream stream) {
    received.get(stream).increment();
  }

  void forwarded(FleetStream stream, long receivedNanos) {
    forwarded.get(stream).increment();
    kafkaLatency.record(System.nanoTime() - receivedNanos, TimeUnit.NANOSECONDS);
  }

  void deadLettered(DeadLetterReason reason) {
    deadLettered.get(reason).increment();
  }

  void retried() {
    kafkaRetries.increment();
  }
}
