package dev.tandem.testkit;

import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.stack.StackSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads which servers tests should use from environment variables. A variable that is set names an
 * external server, used instead of the embedded one:
 *
 * <ul>
 *   <li>{@value #KAFKA}: bootstrap servers, {@code host:port}
 *   <li>{@value #MQTT}: {@code tcp://host:port}
 *   <li>{@value #S3}: {@code http://host:port}, with {@value #S3_ACCESS_KEY}, {@value
 *       #S3_SECRET_KEY} and optionally {@value #S3_REGION}
 *   <li>{@value #POSTGRES}: {@code jdbc:postgresql://host:port/db?user=..&password=..}
 * </ul>
 */
public final class TestServerSettings {
  public static final String KAFKA = "TANDEM_TEST_KAFKA";
  public static final String MQTT = "TANDEM_TEST_MQTT";
  public static final String S3 = "TANDEM_TEST_S3";
  public static final String S3_ACCESS_KEY = "TANDEM_TEST_S3_ACCESS_KEY";
  public static final String S3_SECRET_KEY = "TANDEM_TEST_S3_SECRET_KEY";
  public static final String S3_REGION = "TANDEM_TEST_S3_REGION";
  public static final String POSTGRES = "TANDEM_TEST_POSTGRES";

  private TestServerSettings() {}

  /**
   * The stack tests should run on.
   *
   * @throws IllegalArgumentException naming the variable whose value is malformed
   */
  public static StackSpec fromEnvironment(Map<String, String> env, Path dataDir) {
    StackSpec spec = StackSpec.ephemeral(dataDir);
    if (present(env, KAFKA)) {
      spec = spec.withExternalKafka(parse(env, KAFKA, KafkaEndpoint::new));
    }
    if (present(env, MQTT)) {
      spec = spec.withExternalMqtt(parse(env, MQTT, MqttEndpoint::of));
    }
    if (present(env, S3)) {
      spec = spec.withExternalS3(parse(env, S3, url -> s3(env, url)));
    }
    if (present(env, POSTGRES)) {
      spec = spec.withExternalPostgres(parse(env, POSTGRES, PostgresEndpoint::parse));
    }
    return spec;
  }

  private static S3Endpoint s3(Map<String, String> env, String url) {
    for (String key : new String[] {S3_ACCESS_KEY, S3_SECRET_KEY}) {
      if (!present(env, key)) {
        throw new IllegalArgumentException(key + " must be set when " + S3 + " is");
      }
    }
    return new S3Endpoint(
        URI.create(url),
        env.get(S3_ACCESS_KEY),
        env.get(S3_SECRET_KEY),
        env.getOrDefault(S3_REGION, "us-east-1"));
  }

  private static boolean present(Map<String, String> env, String key) {
    String value = env.get(key);
    return value != null && !value.isBlank();
  }

  private static <T> T parse(Map<String, String> env, String key, Function<String, T> parser) {
    String value = env.get(key).trim();
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + "='" + value + "': " + e.getMessage(), e);
    }
  }
}
