package dev.tandem.registry.rollout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/** The {@code tandem.rollouts.*} keys: how the control plane runs the rollout engine. */
@ConfigMapping(prefix = "tandem.rollouts")
public interface RolloutConfig {

  /**
   * {@code tandem.rollouts.enabled}: run the engine (tick, MQTT publisher, update-report consumer).
   * Off, the API still answers reads, and changes answer 503.
   */
  @WithDefault("true")
  boolean enabled();

  /** {@code tandem.rollouts.tick-interval}: how often the engine moves rollouts (1s). */
  @WithDefault("1s")
  @NotNull
  Duration tickInterval();

  /**
   * {@code tandem.rollouts.reconcile-interval}: the least time between two publications of a
   * drifted device's desired state (1m).
   */
  @WithDefault("1m")
  @NotNull
  Duration reconcileInterval();

  /**
   * {@code tandem.rollouts.membership-interval}: how often running and completed rollouts look for
   * devices that joined their selection (30s).
   */
  @WithDefault("30s")
  @NotNull
  Duration membershipInterval();

  /** {@code tandem.rollouts.publish-in-flight}: most MQTT publications unacknowledged (1000). */
  @WithDefault("1000")
  @Min(1)
  @Max(65535)
  int publishInFlight();

  /** {@code tandem.rollouts.publish-timeout}: how long one tick waits for the broker (30s). */
  @WithDefault("30s")
  @NotNull
  Duration publishTimeout();

  /** {@code tandem.rollouts.update-consumer.*}. */
  UpdateConsumer updateConsumer();

  /** The consumer of {@code tandem.update-reports.v1}. */
  interface UpdateConsumer {
    /** {@code tandem.rollouts.update-consumer.group-id}: its Kafka consumer group. */
    @WithDefault("tandem-cloud-registry-rollouts")
    @NotBlank
    String groupId();
  }
}
