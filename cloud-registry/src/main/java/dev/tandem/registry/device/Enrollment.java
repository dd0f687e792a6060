package dev.tandem.registry.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a device receives when it exchanges its enrollment token.
 *
 * @param deviceId its identity
 * @param hardwareClass its hardware class
 * @param groups its groups
 * @param tags its tags
 * @param credentials its device token and MQTT login
 * @param rootMetadata the signed root metadata to pin (root.json), as the repository signed it
 * @param rootVersion that root's version
 */
public record Enrollment(
    String deviceId,
    String hardwareClass,
    List<String> groups,
    Map<String, String> tags,
    DeviceCredentials credentials,
    JsonNode rootMetadata,
    long rootVersion) {}
