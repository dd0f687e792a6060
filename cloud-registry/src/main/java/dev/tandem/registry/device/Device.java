package dev.tandem.registry.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A device as the registry knows it.
 *
 * @param id the device id, also its MQTT client id and username
 * @param hardwareClass e.g. {@code jetson-orin}
 * @param groups the groups it belongs to, sorted
 * @param tags key=value labels, sorted by key
 * @param status {@code active} or {@code decommissioned}
 * @param enrolledAt when it exchanged its enrollment token
 * @param decommissionedAt when it was decommissioned, or null
 * @param state what it last reported
 * @param desiredModels model name to the version it should run
 * @param desiredVariants model name to the variant a rollout chose for it; a desired model without
 *     one gets the first variant its version declares for the hardware class
 * @param drift every desired model it does not run at the desired version
 * @param drifted whether {@code drift} lists any model
 */
public record Device(
    String id,
    String hardwareClass,
    List<String> groups,
    Map<String, String> tags,
    String status,
    Instant enrolledAt,
    Instant decommissionedAt,
    DeviceState state,
    Map<String, String> desiredModels,
    Map<String, String> desiredVariants,
    List<ModelDrift> drift,
    boolean drifted) {

  /** The status of a device that may connect and report. */
  public static final String ACTIVE = "active";

  /** The status of a device whose credentials are revoked for good. */
  public static final String DECOMMISSIONED = "decommissioned";

  public Device {
    Objects.requireNonNull(id, "id");
    groups = List.copyOf(groups);
    tags = Map.copyOf(tags);
    desiredModels = Map.copyOf(desiredModels);
    desiredVariants = Map.copyOf(desiredVariants);
    drift = List.copyOf(drift);
    if (drifted == drift.isEmpty()) {
      throw new IllegalArgumentException("drifted must say whether drift lists any model");
    }
  }

  /**
   * What the device last reported.
   *
   * @param lastSeen when its last report (or its last will) reached the cloud; null if never
   * @param online whether its last report says it is connected
   * @param linkState the reported link state, e.g. {@code LINK_STATE_ONLINE}
   * @param health the reported health, e.g. {@code HEALTH_OK}
   * @param healthDetail why health is not OK
   * @param agentVersion the agent's version
   * @param models model name to the version it runs
   * @param lastSequence the sequence number of its last report
   */
  public record DeviceState(
      Instant lastSeen,
      boolean online,
      String linkState,
      String health,
      String healthDetail,
      String agentVersion,
      Map<String, String> models,
      Long lastSequence) {
    public DeviceState {
      models = Map.copyOf(models);
    }
  }

  /**
   * One model a device does not run as desired.
   *
   * @param model the model name
   * @param desired the version it should run
   * @param actual the version it reports, or null if it reports none
   */
  public record ModelDrift(String model, String desired, String actual) {}
}
