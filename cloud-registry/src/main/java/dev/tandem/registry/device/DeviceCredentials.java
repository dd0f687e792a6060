package dev.tandem.registry.device;

/**
 * Everything a device needs to talk to the cloud; secrets are shown once and stored as hashes.
 *
 * @param deviceToken the bearer token for {@code /api/v1/device/...}, {@code tdd_...}
 * @param mqtt the broker and the device's login there
 */
public record DeviceCredentials(String deviceToken, Mqtt mqtt) {

  /**
   * The device's MQTT login.
   *
   * @param url the broker, {@code tcp://host:port} or {@code ssl://host:port}
   * @param clientId the MQTT client id: the device id
   * @param username the MQTT username: the device id
   * @param password the MQTT password
   */
  public record Mqtt(String url, String clientId, String username, String password) {}
}
