package dev.tandem.servers.stack;

import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.S3Endpoint;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run: for each server either an external endpoint or an embedded server on a port (0 for a
 * free one), with embedded data under {@code dataDir}.
 *
 * @param dataDir where embedded servers keep their data, one folder each
 * @param persistent keep embedded data between runs (the sandbox) or not (tests)
 */
public record StackSpec(
    Path dataDir,
    boolean persistent,
    EmbeddedPorts ports,
    S3Credentials s3Credentials,
    Optional<KafkaEndpoint> externalKafka,
    Optional<MqttEndpoint> externalMqtt,
    Optional<S3Endpoint> externalS3,
    Optional<PostgresEndpoint> externalPostgres) {

  public StackSpec {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(ports, "ports");
    Objects.requireNonNull(s3Credentials, "s3Credentials");
    Objects.requireNonNull(externalKafka, "externalKafka");
    Objects.requireNonNull(externalMqtt, "externalMqtt");
    Objects.requireNonNull(externalS3, "externalS3");
    Objects.requireNonNull(externalPostgres, "externalPostgres");
  }

  /** Everything embedded on free ports, nothing kept. */
  public static StackSpec ephemeral(Path dataDir) {
    return new StackSpec(
        dataDir,
        false,
        EmbeddedPorts.ANY,
        S3Credentials.random(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public StackSpec withExternalKafka(KafkaEndpoint endpoint) {
    return new StackSpec(
        dataDir,
        persistent,
        ports,
        s3Credentials,
        Optional.of(endpoint),
        externalMqtt,
        externalS3,
        externalPostgres);
  }

  public StackSpec withExternalMqtt(MqttEndpoint endpoint) {
    return new StackSpec(
        dataDir,
        persistent,
        ports,
        s3Credentials,
        externalKafka,
        Optional.of(endpoint),
        externalS3,
        externalPostgres);
  }

  public StackSpec withExternalS3(S3Endpoint endpoint) {
    return new StackSpec(
        dataDir,
        persistent,
        ports,
        s3Credentials,
        externalKafka,
        externalMqtt,
        Optional.of(endpoint),
        externalPostgres);
  }

  public StackSpec withExternalPostgres(PostgresEndpoint endpoint) {
    return new StackSpec(
        dataDir,
        persistent,
        ports,
        s3Credentials,
        externalKafka,
        externalMqtt,
        externalS3,
        Optional.of(endpoint));
  }
}
