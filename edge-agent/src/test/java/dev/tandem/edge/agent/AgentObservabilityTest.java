package dev.tandem.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.config.AgentConfigReader;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.WithRealServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithRealServers
class AgentObservabilityTest {
  @TempDir Path dir;

  @Test
  void metricsEndpointReportsCountersAndABadStreamNeverStopsTheOthers(MqttEndpoint mqtt)
      throws Exception {
    Path good = AgentScenario.csv(dir, "good.csv", 500);
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "timestamp,value\n1700000000000,NaN\n1700000001000,oops\n1700000002000,99999\n1700000003000,5\n");
    String device = "obs-" + UUID.randomUUID().toString().substring(0, 8);
    var config =
        AgentConfigReader.parse(
            """
            device: {id: %s}
            mqtt: {url: '%s'}
            outbox: {dir: outbox}
            metrics: {port: 0}
            streams:
              - id: good
                source: {type: csv, file: '%s', speed: 0}
                window: {size: 10s, allowed-lateness: 0s}
              - id: bad
                source: {type: csv, file: '%s', speed: 0}
                range: {min: -100, max: 100}
                window: {size: 10s, allowed-lateness: 0s}
            """
                .formatted(device, mqtt.serverUri(), good, bad),
            dir);
    var agent = EdgeAgent.start(config, dir, InstantSource.system());
    try {
      AgentScenario.await(
          "streams done, outbox drained",
          Duration.ofSeconds(30),
          () -> agent.streamsFinished() && agent.outbox().stats().depth() == 0);
      var response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + agent.metricsPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
      assertThat(response.body())
          .contains("# TYPE tandem_agent_readings_in_total counter")
          .contains("tandem_agent_readings_in_total 501") // 500 good + the one valid bad-stream row
          .contains(
              "tandem_agent_readings_invalid_total 2") // NaN and out of range; 'oops' is skipped by
          // the CSV reader
          .contains("tandem_agent_link_online 1")
          .contains("tandem_agent_outbox_depth 0")
          .containsPattern("tandem_agent_messages_sent_total [1-9]")
          .containsPattern("tandem_agent_raw_bytes_equivalent_total [1-9]");
    } finally {
      agent.close();
    }
  }
}
