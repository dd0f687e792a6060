package dev.tandem.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.trainer.registry.RegistryApi;
import dev.tandem.trainer.registry.RegistryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a device gets when it enrolls (docs/provisioning.md): an operator makes an enrollment token
 * with the device's labels, the device exchanges it for its id, credentials and the root metadata
 * to pin.
 *
 * @param deviceId the device's id
 * @param deviceToken its token for the device-facing API
 * @param mqttUsername its broker user name
 * @param mqttPassword its broker password
 * @param rootMetadata the signed root (root.json) its update client pins, as UTF-8 JSON
 */
public record DeviceEnrollment(
    String deviceId,
    String deviceToken,
    String mqttUsername,
    String mqttPassword,
    byte[] rootMetadata) {

  /**
   * Enrolls {@code deviceId}: one token from {@code operator}, exchanged without a token.
   *
   * @throws dev.tandem.trainer.registry.RegistryException if the control plane refuses either call
   */
  public static DeviceEnrollment enroll(
      RegistryApi operator, String deviceId, String hardwareClass, List<String> groups)
      throws IOException, InterruptedException {
    String token =
        operator
            .post(
                "/api/v1/enrollment-tokens",
                Map.of("hardwareClass", hardwareClass, "groups", groups))
            .path("token")
            .asText();
    JsonNode answer =
        operator
            .as(null)
            .post("/api/v1/devices/enroll", Map.of("enrollmentToken", token, "deviceId", deviceId));
    return of(
        answer.path("deviceId").asText(),
        answer.path("credentials"),
        RegistryApi.json()
            .writeValueAsString(answer.path("rootMetadata"))
            .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Enrolls {@code deviceId} unless the device registry knows it already; a known device gets new
   * credentials (its old ones stop working) and the newest signed root. So a sandbox restarted on
   * the same data directory takes its devices back without keeping their secrets on disk.
   *
   * @throws dev.tandem.trainer.registry.RegistryException if the control plane refuses a call (a
   *     decommissioned device cannot get new credentials)
   */
  public static DeviceEnrollment enrollOrRenew(
      RegistryApi operator, String deviceId, String hardwareClass, List<String> groups)
      throws IOException, InterruptedException {
    try {
      operator.get("/api/v1/devices/" + deviceId);
    } catch (RegistryException e) {
      if (e.status() == 404) {
        return enroll(operator, deviceId, hardwareClass, groups);
      }
      throw e;
    }
    JsonNode credentials = operator.post("/api/v1/devices/" + deviceId + "/credentials", Map.of());
    return of(deviceId, credentials, operator.getBytes("/api/v1/signing/root"));
  }

  private static DeviceEnrollment of(String deviceId, JsonNode credentials, byte[] root) {
    return new DeviceEnrollment(
        deviceId,
        credentials.path("deviceToken").asText(),
        credentials.path("mqtt").path("username").asText(),
        credentials.path("mqtt").path("password").asText(),
        root);
  }
}
