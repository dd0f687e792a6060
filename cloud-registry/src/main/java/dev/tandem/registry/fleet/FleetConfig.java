package dev.tandem.registry.fleet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** The {@code tandem.fleet.*} keys: how reported device state is consumed from Kafka. */
@ConfigMapping(prefix = "tandem.fleet")
public interface FleetConfig {

  /** {@code tandem.fleet.state-consumer.*}. */
  StateConsumer stateConsumer();

  /** The consumer of {@code tandem.device-state.v1}. */
  interface StateConsumer {
    /** {@code tandem.fleet.state-consumer.enabled}: whether to consume device state at all. */
    @WithDefault("true")
    boolean enabled();

    /** {@code tandem.fleet.state-consumer.group-id}: the Kafka consumer group. */
    @WithDefault("tandem-cloud-registry-fleet-state")
    @NotBlank
    String groupId();

    /** {@code tandem.fleet.state-consumer.retry-backoff}: wait after the database failed. */
    @WithDefault("1s")
    @NotNull
    Duration retryBackoff();
  }
}
