package dev.tandem.sandbox.run;

import dev.tandem.ingest.app.IngestConfig;
import dev.tandem.ingest.app.ObjectStoreSettings;
import dev.tandem.ingest.bridge.BridgeConfig;
import dev.tandem.ingest.bridge.KafkaSettings;
import dev.tandem.ingest.bridge.MqttSettings;
import dev.tandem.ingest.lake.LakeConfig;
import dev.tandem.sandbox.config.SandboxConfig;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.stack.ServerStack;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The ingest process's configuration on the sandbox's servers. */
public final class IngestSettings {
  /** The lake's bucket in the sandbox. */
  public static final String LAKE_BUCKET = "tandem-lake";

  /**
   * Lake files close after this long in the sandbox, so data shows up in the lake within seconds;
   * production keeps the default of minutes for bigger files.
   */
  static final Duration LAKE_FLUSH_AGE = Duration.ofSeconds(10);

  private IngestSettings() {}

  static IngestConfig of(ServerStack stack, SandboxConfig config) {
    String kafka = stack.kafka().bootstrapServers();
    MqttEndpoint broker = stack.mqtt();
    MqttSettings mqtt =
        MqttSettings.of(URI.create(broker.serverUri()), "tandem-ingest", "tandem-ingest");
    Optional<MqttEndpoint.Login> login = broker.serviceLogin();
    if (login.isPresent()) {
      mqtt = mqtt.withLogin(login.get().username(), login.get().password());
    }
    BridgeConfig bridge = BridgeConfig.of(mqtt, KafkaSettings.of(kafka));
    S3Endpoint s3 = stack.s3();
    LakeConfig lake =
        LakeConfig.defaults(kafka, LAKE_BUCKET)
            .withFlush(100_000, 64L * 1024 * 1024, LAKE_FLUSH_AGE);
    return new IngestConfig(
        Optional.of(bridge),
        Optional.of(
            new IngestConfig.Lake(
                lake,
                new ObjectStoreSettings(s3.url(), s3.accessKey(), s3.secretKey(), s3.region()))),
        "127.0.0.1",
        config.ingestPort());
  }
}
