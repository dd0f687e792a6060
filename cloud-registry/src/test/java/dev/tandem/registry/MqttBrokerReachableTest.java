package dev.tandem.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.registry.config.TandemConfig;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.testkit.MqttTestClient;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The MQTT broker named by {@code tandem.mqtt.url} works in this module's tests. Regression guard
 * for the pom, which keeps logback (that the embedded HiveMQ brings) off the test classpath.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class MqttBrokerReachableTest {
  @Inject TandemConfig config;

  @Test
  void brokerAtConfiguredUrlDeliversAMessage() throws Exception {
    var endpoint = MqttEndpoint.of(config.mqtt().url());
    try (var client = MqttTestClient.connect(endpoint, "cloud-registry-test")) {
      client.subscribe("tandem/test/registry", 1);
      client.publish("tandem/test/registry", "hello".getBytes(StandardCharsets.UTF_8), 1, false);

      var received = client.next(Duration.ofSeconds(10));

      assertThat(received).isNotNull();
      assertThat(received.text()).isEqualTo("hello");
    }
  }
}
