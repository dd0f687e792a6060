package dev.tandem.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * The {@code kafka.*} configuration keys. {@code kafka.bootstrap.servers} is required; every other
 * {@code kafka.*} key (for example {@code kafka.security.protocol} or {@code
 * kafka.sasl.jaas.config}) is passed to the Kafka clients as it is.
 */
@ConfigMapping(prefix = "kafka")
public interface KafkaConfig {

  /** {@code kafka.bootstrap.servers}: {@code host:port[,host:port...]}. */
  @WithName("bootstrap.servers")
  @NotBlank
  String bootstrapServers();

  /** Every {@code kafka.*} key without its prefix, {@code bootstrap.servers} included. */
  @WithParentName
  Map<String, String> clientProperties();
}
