package dev.tandem.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The configuration mappings checked as Quarkus checks them at startup, without starting it. */
class ConfigValidationTest {
  private static final Validator VALIDATOR =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private static Map<String, String> valid() {
    Map<String, String> config = new HashMap<>();
    config.put("tandem.s3.url", "http://127.0.0.1:9000");
    config.put("tandem.s3.access-key", "access");
    config.put("tandem.s3.secret-key", "secret");
    config.put("tandem.mqtt.url", "tcp://127.0.0.1:1883");
    config.put("kafka.bootstrap.servers", "127.0.0.1:9092");
    config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/tandem");
    return config;
  }

  private static SmallRyeConfig load(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(TandemConfig.class)
        .withMapping(KafkaConfig.class)
        .withMapping(DatabaseConfig.class)
        .withSources(new PropertiesConfigSource(properties, "test", 100))
        .withConverter(Duration.class, 200, new DurationConverter())
        .withConverter(MemorySize.class, 200, new MemorySizeConverter())
        .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
        .build();
  }

  private static List<String> problems(Map<String, String> properties) {
    var e = catchThrowableOfType(ConfigValidationException.class, () -> load(properties));
    assertThat(e).as("config should be rejected").isNotNull();
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < e.getProblemCount(); i++) {
      messages.add(e.getProblem(i).getMessage());
    }
    return messages;
  }

  @Test
  void validConfigGetsDefaults() {
    TandemConfig config = load(valid()).getConfigMapping(TandemConfig.class);

    assertThat(config.s3().region()).isEqualTo("us-east-1");
    assertThat(config.s3().bucket()).isEqualTo("tandem-models");
    assertThat(config.health().timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.mqtt().url()).isEqualTo("tcp://127.0.0.1:1883");
    assertThat(config.registry().maxArtifactSize().asLongValue()).isEqualTo(2L << 30);
    assertThat(config.registry().uploadPartSize().asLongValue()).isEqualTo(16L << 20);
    assertThat(config.registry().downloadUrlTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.s3().publicUrl()).isEmpty();
  }

  @Test
  void kafkaPassesEveryKeyToTheClients() {
    Map<String, String> properties = valid();
    properties.put("kafka.security.protocol", "SASL_SSL");

    KafkaConfig kafka = load(properties).getConfigMapping(KafkaConfig.class);

    assertThat(kafka.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(kafka.clientProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("bootstrap.servers", "127.0.0.1:9092");
  }

  @Test
  void s3UrlWithoutSchemeIsRejectedNamingTheKey() {
    Map<String, String> properties = valid();
    properties.put("tandem.s3.url", "127.0.0.1:9000");

    assertThat(problems(properties))
        .singleElement()
        .asString()
        .contains("tandem.s3.url")
        .contains("must be an http:// or https:// URL");
  }

  @Test
  void missingKeysAreEachNamed() {
    Map<String, String> properties = valid();
    properties.remove("tandem.s3.access-key");
    properties.remove("kafka.bootstrap.servers");
    properties.remove("quarkus.datasource.jdbc.url");

    assertThat(String.join("\n", problems(properties)))
        .contains("tandem.s3.access-key")
        .contains("kafka.bootstrap.servers")
        .contains("quarkus.datasource.jdbc.url");
  }

  @Test
  void bucketThatS3WouldRefuseIsRejected() {
    Map<String, String> properties = valid();
    properties.put("tandem.s3.bucket", "Tandem_Models");

    assertThat(problems(properties))
        .singleElement()
        .asString()
        .contains("tandem.s3.bucket")
        .contains("must be an S3 bucket name");
  }

  @Test
  void mqttUrlWithHttpSchemeIsRejected() {
    Map<String, String> properties = valid();
    properties.put("tandem.mqtt.url", "http://127.0.0.1:1883");

    assertThat(problems(properties)).singleElement().asString().contains("tandem.mqtt.url");
  }

  @Test
  void databaseUrlOfAnotherKindIsRejected() {
    Map<String, String> properties = valid();
    properties.put("quarkus.datasource.jdbc.url", "jdbc:mysql://127.0.0.1/tandem");

    assertThat(problems(properties))
        .singleElement()
        .asString()
        .contains("quarkus.datasource.jdbc.url")
        .contains("must be a PostgreSQL JDBC URL");
  }

  @Test
  void blankSecretIsRejected() {
    Map<String, String> properties = valid();
    properties.put("tandem.s3.secret-key", " ");

    assertThat(problems(properties)).singleElement().asString().contains("tandem.s3.secret-key");
  }

  @Test
  void bootstrapTokenIsOptionalAndAcceptedAsTokenOrHash() {
    assertThat(load(valid()).getConfigMapping(TandemConfig.class).auth().bootstrapToken())
        .isEmpty();

    Map<String, String> properties = valid();
    properties.put("tandem.auth.bootstrap-token", "sha256:" + "ab".repeat(32));
    assertThat(load(properties).getConfigMapping(TandemConfig.class).auth().bootstrapToken())
        .hasValue("sha256:" + "ab".repeat(32));
    properties.put("tandem.auth.bootstrap-token", "tdm_" + "x".repeat(40));
    assertThat(load(properties).getConfigMapping(TandemConfig.class).auth().bootstrapName())
        .isEqualTo("bootstrap");
  }

  @Test
  void weakBootstrapTokenIsRejectedNamingTheKey() {
    Map<String, String> properties = valid();
    properties.put("tandem.auth.bootstrap-token", "admin");

    assertThat(problems(properties))
        .singleElement()
        .asString()
        .contains("tandem.auth.bootstrap-token")
        .contains("must be a token");
  }

  @Test
  void publicStoreUrlWithPathIsRejected() {
    Map<String, String> properties = valid();
    properties.put("tandem.s3.public-url", "https://models.example.com/bucket");

    assertThat(problems(properties)).singleElement().asString().contains("tandem.s3.public-url");
  }
}
