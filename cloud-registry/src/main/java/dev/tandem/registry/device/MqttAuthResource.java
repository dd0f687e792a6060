package dev.tandem.registry.device;

import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.DeviceTopicPolicy;
import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.audit.Unaudited;
import dev.tandem.registry.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * {@code /api/v1/mqtt}: the broker asks whether a device may log in and use a topic, the HTTP
 * authentication hook that Mosquitto (mosquitto-go-auth's HTTP backend), EMQX (HTTP authn/authz)
 * and the embedded broker's extension all speak. The answer is always 200 with {@code result}
 * {@code allow} or {@code deny}, as those brokers expect. The broker calls with an API token of the
 * viewer role: it learns nothing it could not learn by letting the device try.
 */
@Path(ApiVersion.ROOT + "/mqtt")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@Tag(name = "devices", description = "Provisioning, device registry and fleet state")
@SecurityRequirement(name = "bearer")
public class MqttAuthResource {
  private static final Logger LOG = Logger.getLogger(MqttAuthResource.class);
  private static final String HIGH_VOLUME = "asked by the broker at every login and subscription";

  /** A login the broker saw: device id as client id and user name, and the MQTT password. */
  public record LoginCheck(
      @NotBlank @Size(max = 128) String clientId,
      @NotBlank @Size(max = 128) String username,
      @NotNull @Size(max = 256) String password) {}

  /** A publish or subscribe the broker saw. */
  public record TopicCheck(
      @NotBlank @Size(max = 128) String username,
      @NotBlank @Size(max = 1024) String topic,
      @NotNull DeviceTopicPolicy.Action action) {}

  /**
   * The broker's answer.
   *
   * @param result {@code allow} or {@code deny}
   * @param reason why, for the broker's log
   */
  public record Decision(String result, String reason) {
    static Decision of(boolean allowed, String reason) {
      return new Decision(allowed ? "allow" : "deny", reason);
    }
  }

  private final DeviceStore devices;

  MqttAuthResource(DeviceStore devices) {
    this.devices = devices;
  }

  @POST
  @Path("authenticate")
  @Unaudited(HIGH_VOLUME)
  @Operation(
      summary = "May this device log in to the broker?",
      description =
          "Allowed when client id and user name are the id of an active device and the password"
              + " is its current MQTT password (POST /api/v1/device/credentials rotates it).")
  public Decision authenticate(@NotNull @Valid LoginCheck login) {
    if (!login.clientId().equals(login.username())) {
      return denied(login.username(), "client id and user name must both be the device id");
    }
    if (!DeviceId.isValid(login.username())) {
      return denied(login.username(), "not a device id");
    }
    if (!devices.mqttPasswordMatches(login.username(), Secrets.hash(login.password()))) {
      return denied(login.username(), "unknown or inactive device, or wrong password");
    }
    return Decision.of(true, "device credentials");
  }

  @POST
  @Path("authorize")
  @Unaudited(HIGH_VOLUME)
  @Operation(
      summary = "May this device publish or subscribe on this topic?",
      description =
          "Devices publish on their own device-to-cloud topics and subscribe to their own"
              + " cloud-to-device topics (fleet/{id}/...), without wildcards.")
  public Decision authorize(@NotNull @Valid TopicCheck check) {
    var decision = DeviceTopicPolicy.check(check.username(), check.topic(), check.action());
    return Decision.of(decision.allowed(), decision.reason());
  }

  private static Decision denied(String username, String reason) {
    LOG.infof("MQTT login of %s refused: %s", username, reason);
    return Decision.of(false, reason);
  }
}
