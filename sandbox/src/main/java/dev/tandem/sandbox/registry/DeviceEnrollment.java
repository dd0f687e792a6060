package dev.tandem.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.trainer.registry.RegistryApi;
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
    JsonNode credentials = answer.path("credentials");
    return new DeviceEnrollment(
        answer.path("deviceId").asText(),
        credentials.path("deviceToken").asText(),
        credentials.path("mqtt").path("username").asText(),
        credentials.path("mqtt").path("password").asText(),
        RegistryApi.json()
            .writeValueAsString(answer.path("rootMetadata"))
            .getBytes(StandardCharsets.UTF_8));
  }
}
