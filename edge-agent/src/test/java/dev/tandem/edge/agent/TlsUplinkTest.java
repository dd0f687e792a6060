package dev.tandem.edge.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.edge.uplink.LinkState;
import dev.tandem.servers.Ports;
import dev.tandem.servers.mqtt.EmbeddedMqttBroker;
import dev.tandem.testkit.MqttTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uplink over TLS to a real broker with its own certificate, made by the JDK's keytool. */
class TlsUplinkTest {
  private static final String PASSWORD = "changeit";

  @TempDir Path dir;

  @Test
  void agentTrustingTheBrokersCertificateDeliversOverTlsAndOneThatDoesNotNeverConnects()
      throws Exception {
    Path brokerKeys = dir.resolve("broker.p12");
    Path cert = dir.resolve("broker.crt");
    Path trusted = dir.resolve("trusted.p12");
    Path strangerKeys = dir.resolve("stranger.p12");
    Path strangerCert = dir.resolve("stranger.crt");
    Path untrusted = dir.resolve("untrusted.p12");
    keytool(
        "-genkeypair",
        "-alias",
        "broker",
        "-keyalg",
        "EC",
        "-validity",
        "2",
        "-keystore",
        brokerKeys.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD,
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1");
    keytool(
        "-exportcert",
        "-alias",
        "broker",
        "-keystore",
        brokerKeys.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "broker",
        "-file",
        cert.toString(),
        "-keystore",
        trusted.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);
    keytool(
        "-genkeypair",
        "-alias",
        "stranger",
        "-keyalg",
        "EC",
        "-validity",
        "2",
        "-keystore",
        strangerKeys.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD,
        "-dname",
        "CN=127.0.0.1");
    keytool(
        "-exportcert",
        "-alias",
        "stranger",
        "-keystore",
        strangerKeys.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        strangerCert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "stranger",
        "-file",
        strangerCert.toString(),
        "-keystore",
        untrusted.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        PASSWORD);

    int tlsPort = Ports.claim("test.tls-port", 0);
    var tls = new EmbeddedMqttBroker.TlsListener(tlsPort, brokerKeys, PASSWORD);
    try (var broker = EmbeddedMqttBroker.start(dir.resolve("broker"), 0, false, tls);
        var listener = MqttTestClient.connect(broker.endpoint(), "tls-listener")) {
      listener.subscribe("fleet/+/telemetry", 1);
      Path csv = AgentScenario.csv(dir, "tls.csv", 300);

      var good =
          EdgeAgent.start(
              AgentScenario.oneCsvStream(dir, "tls-good", mqtt(tlsPort, trusted), csv),
              dir,
              InstantSource.system());
      var bad =
          EdgeAgent.start(
              AgentScenario.oneCsvStream(dir, "tls-bad", mqtt(tlsPort, untrusted), csv),
              dir,
              InstantSource.system());
      try {
        AgentScenario.await(
            "drained over TLS",
            Duration.ofSeconds(30),
            () -> good.streamsFinished() && good.outbox().stats().depth() == 0);
        List<MqttTestClient.Received> received =
            AgentScenario.collect(listener, Duration.ofSeconds(2));

        assertThat(received)
            .extracting(MqttTestClient.Received::topic)
            .containsOnly("fleet/tls-good/telemetry")
            .hasSize(30);
        assertThat(bad.uplink().state()).isNotEqualTo(LinkState.ONLINE);
        assertThat(bad.uplink().connects()).isZero();
        assertThat(bad.outbox().stats().depth())
            .as("kept for when trust is fixed")
            .isGreaterThanOrEqualTo(30);
      } finally {
        good.close();
        bad.close();
      }
    }
  }

  private static String mqtt(int port, Path trustStore) {
    return "{url: 'ssl://127.0.0.1:%d', reconnect-initial: 100ms, reconnect-max: 500ms, tls: {trust-store: '%s', trust-store-password: %s}}"
        .formatted(port, trustStore, PASSWORD);
  }

  private static void keytool(String... args) throws Exception {
    var command = new java.util.ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as("keytool " + String.join(" ", args) + ": " + output).isZero();
  }
}
