package dev.tandem.sandbox.ingest;

import dev.tandem.config.ConfigError;
import dev.tandem.ingest.app.IngestConfig;
import dev.tandem.ingest.app.IngestConfigReader;
import dev.tandem.ingest.app.IngestService;
import dev.tandem.sandbox.config.ConfigException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./tandem ingest --config FILE}: the bridge and the lake writer until Ctrl-C. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Run the MQTT to Kafka bridge and the Kafka to lake writer from a YAML configuration"
            + " (see ingest/README.md) until Ctrl-C, then drain and stop.")
public final class IngestCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "Ingest configuration (YAML).")
  Path configFile;

  @Override
  public Integer call() throws InterruptedException {
    IngestConfig config;
    try {
      config = IngestConfigReader.read(configFile);
    } catch (ConfigError e) {
      throw new ConfigException(e.getMessage());
    }
    IngestService service = IngestService.start(config);
    service.runUntilShutdown(
        String.format(
            "Ingest running: bridge %s, lake %s. Metrics and health: http://%s:%d/metrics,"
                + " /health/ready",
            config.bridge().map(b -> "from " + b.mqtt().url()).orElse("off"),
            config.lake().map(l -> "to bucket " + l.config().bucket()).orElse("off"),
            config.opsHost(),
            service.opsPort()),
        System.out::println);
    return 0;
  }
}
