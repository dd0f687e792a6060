package dev.tandem.ingest.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.bridge.BridgeConfig;
import dev.tandem.ingest.bridge.KafkaSettings;
import dev.tandem.ingest.bridge.MqttSettings;
import dev.tandem.ingest.lake.LakeConfig;
import dev.tandem.ingest.testing.FleetMessages;
import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.WithRealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ingest process as the launcher runs it: bridge, lake writer and the ops endpoint. */
@WithRealServers
class IngestServiceTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void servesReadinessAndMetricsOfBridgeAndLake(
      KafkaEndpoint kafka, MqttEndpoint mqtt, S3Endpoint s3) throws Exception {
    String run = "svc" + UUID.randomUUID().toString().substring(0, 6);
    IngestConfig config =
        new IngestConfig(
            Optional.of(
                BridgeConfig.of(
                    MqttSettings.of(mqtt.uri(), run, run),
                    KafkaSettings.of(kafka.bootstrapServers()))),
            Optional.of(
                new IngestConfig.Lake(
                    new LakeConfig(
                        kafka.bootstrapServers(),
                        run,
                        "",
                        "lake-" + run,
                        "",
                        1000,
                        1 << 20,
                        java.time.Duration.ofSeconds(5),
                        "zstd",
                        java.util.List.of("telemetry"),
                        1024,
                        1000,
                        java.util.Map.of()),
                    new ObjectStoreSettings(
                        s3.url(), s3.accessKey(), s3.secretKey(), s3.region()))),
            "127.0.0.1",
            0);
    try (IngestService service = IngestService.start(config)) {
      HttpResponse<String> ready = get(service, "/health/ready");
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(ready.body()).contains("\"mqtt\":\"UP\"", "\"kafka\":\"UP\"", "\"lake\":\"UP\"");
      assertThat(get(service, "/health/live").statusCode()).isEqualTo(200);
      try (MqttTestClient device = MqttTestClient.connect(mqtt, run + "-device")) {
        device.publish(
            "fleet/" + run + "-device/telemetry",
            FleetMessages.summary(run + "-device", 1),
            1,
            false);
      }
      // The lake's counters appear once it has read a record of the dataset.
      String metrics = "";
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!metrics.contains("tandem_lake_") && System.nanoTime() < deadline) {
        Thread.sleep(250);
        metrics = get(service, "/metrics").body();
      }
      assertThat(metrics)
          .contains(
              "tandem_ingest_messages_forwarded_total{stream=\"tandem.telemetry.v1\"} 1.0",
              "tandem_ingest_in_flight",
              "tandem_ingest_kafka_ack_latency_seconds",
              "tandem_lake_");
    }
  }

  private HttpResponse<String> get(IngestService service, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.opsPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
