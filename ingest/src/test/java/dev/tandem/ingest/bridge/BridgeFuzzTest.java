package dev.tandem.ingest.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.testing.FastPublisher;
import dev.tandem.ingest.testing.FleetMessages;
import dev.tandem.ingest.testing.KafkaRecords;
import dev.tandem.ingest.testing.Malformed;
import dev.tandem.ingest.validate.ValidationLimits;
import dev.tandem.ingest.validate.Verdict;
import dev.tandem.protocol.stream.FleetStream;
import dev.tandem.protocol.stream.RecordHeaderNames;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.WithRealServers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 100,000 malformed payloads of every kind mixed with 10,000 valid ones, through the real broker,
 * bridge and Kafka: the bridge stays up, every bad payload is dead-lettered with its own reason,
 * and every valid one (and nothing else) reaches its stream.
 */
@WithRealServers
class BridgeFuzzTest {
  private static final int MALFORMED = 100_000;
  private static final int VALID = 10_000;
  private static final int DEVICES = 20;
  private static final int MAX_PAYLOAD = 4096;

  @Test
  void deadLettersEveryBadPayloadAndForwardsEveryGoodOne(KafkaEndpoint kafka, MqttEndpoint mqtt)
      throws Exception {
    String run = "fuzz" + UUID.randomUUID().toString().substring(0, 6);
    Malformed malformed = new Malformed(42, MAX_PAYLOAD);
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> expectedReasons = new HashMap<>();
    Set<String> expectedValid = new HashSet<>();
    long[] sequences = new long[DEVICES];
    MqttSettings settings =
        new MqttSettings(
            mqtt.uri(),
            "bridge-" + run,
            "group-" + run,
            Optional.empty(),
            Optional.empty(),
            1000,
            Duration.ofMinutes(2),
            MqttSettings.DEFAULT_CONNECTIONS);
    BridgeConfig config =
        new BridgeConfig(
            settings,
            KafkaSettings.of(kafka.bootstrapServers()),
            new ValidationLimits(MAX_PAYLOAD, Duration.ofMinutes(5), Duration.ofDays(30)),
            EnumSet.allOf(FleetStream.class),
            Duration.ofSeconds(30));
    AtomicLong handled = new AtomicLong();
    BridgeListener counting =
        new BridgeListener() {
          @Override
          public void forwarded(Verdict.Accepted verdict, String mqttTopic) {
            handled.incrementAndGet();
          }

          @Override
          public void deadLettered(Verdict.Rejected verdict, String mqttTopic) {
            handled.incrementAndGet();
          }
        };
    try (Bridge bridge = Bridge.start(config, new SimpleMeterRegistry(), counting);
        FastPublisher publisher = new FastPublisher(mqtt, "fuzzer-" + run, 2000)) {
      int bad = 0;
      int good = 0;
      while (bad < MALFORMED || good < VALID) {
        int d = random.nextInt(DEVICES);
        String device = run + "-" + d;
        boolean sendValid = good < VALID && (bad >= MALFORMED || random.nextInt(11) == 0);
        if (sendValid) {
          long seq = ++sequences[d];
          publisher.publish("fleet/" + device + "/telemetry", FleetMessages.summary(device, seq));
          expectedValid.add(device + "#" + seq);
          good++;
        } else {
          Malformed.Case c = malformed.next(device, sequences[d] + 1);
          publisher.publish(c.topic(), c.payload());
          expectedReasons.merge(
              fingerprint(c.topic(), c.payload(), c.reason().name()), 1, Integer::sum);
          bad++;
        }
      }
      publisher.awaitAcknowledged(2000);
      long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
      while (handled.get() < MALFORMED + VALID && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(handled.get())
          .as("messages the bridge handled")
          .isGreaterThanOrEqualTo(MALFORMED + VALID);

      var letters =
          KafkaRecords.read(
              kafka,
              FleetStream.DEAD_LETTER_TOPIC,
              r -> KafkaRecords.key(r).startsWith("fleet/" + run),
              MALFORMED,
              Duration.ofMinutes(1),
              Duration.ofSeconds(2));
      Map<String, Integer> actualReasons = new HashMap<>();
      for (var letter : letters) {
        String original = KafkaRecords.header(letter, RecordHeaderNames.DEAD_LETTER_ORIGINAL_SIZE);
        byte[] payload = letter.value();
        String reason = KafkaRecords.header(letter, RecordHeaderNames.DEAD_LETTER_REASON);
        String fingerprint =
            original == null
                ? fingerprint(KafkaRecords.key(letter), payload, reason)
                : "oversized " + KafkaRecords.key(letter) + " " + original;
        actualReasons.merge(fingerprint, 1, Integer::sum);
      }
      assertThat(letters).as("dead letters").hasSizeGreaterThanOrEqualTo(MALFORMED);
      assertThat(actualReasons.keySet())
          .as("each bad payload dead-lettered with its reason")
          .isEqualTo(normaliseOversized(expectedReasons).keySet());

      Set<String> forwarded = new HashSet<>();
      for (FleetStream stream : FleetStream.values()) {
        for (var record :
            KafkaRecords.read(
                kafka,
                stream.kafkaTopic(),
                r -> KafkaRecords.key(r).startsWith(run),
                stream == FleetStream.TELEMETRY ? VALID : 0,
                Duration.ofMinutes(2),
                Duration.ofSeconds(1))) {
          forwarded.add(
              KafkaRecords.key(record)
                  + "#"
                  + KafkaRecords.header(record, RecordHeaderNames.SEQUENCE));
        }
      }
      assertThat(forwarded).as("valid messages in the fleet streams").isEqualTo(expectedValid);
      assertThat(bridge.connected()).isTrue();
      assertThat(bridge.inFlight()).isZero();
    }
  }

  private final Map<String, String> oversizedByFingerprint = new HashMap<>();

  private String fingerprint(String topic, byte[] payload, String reason) throws Exception {
    String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
    String fingerprint = topic + " " + digest + " " + reason;
    if (payload.length > MAX_PAYLOAD) {
      oversizedByFingerprint.put(fingerprint, "oversized " + topic + " " + payload.length);
    }
    return fingerprint;
  }

  /** Oversized letters keep only a prefix: they are matched by topic and original size. */
  private Map<String, Integer> normaliseOversized(Map<String, Integer> expected) {
    Map<String, Integer> normalised = new HashMap<>();
    expected.forEach(
        (fingerprint, count) ->
            normalised.merge(
                oversizedByFingerprint.getOrDefault(fingerprint, fingerprint),
                count,
                Integer::sum));
    return normalised;
  }
}
