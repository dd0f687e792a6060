package dev.tandem.registry.device;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a device should run, with the signed metadata that authorises it.
 *
 * @param deviceId the device
 * @param models every desired model and the signed targets that carry it
 * @param targetsMetadata the current signed targets envelope
 * @param targetsVersion its version
 * @param rootMetadata signed roots newer than the device's ({@code rootVersion}), ascending
 * @param rootVersion the newest root version
 */
public record DesiredForDevice(
    String deviceId,
    List<DesiredModel> models,
    JsonNode targetsMetadata,
    long targetsVersion,
    List<JsonNode> rootMetadata,
    long rootVersion) {

  /**
   * One desired model.
   *
   * @param name the model name
   * @param version the version to run
   * @param targets the signed target of the variant a rollout chose for the device, or else of the
   *     variant built for its hardware class (the first the version declares for it): one, or none
   *     while no variant fits, the version is not registered or its variant not signed; with none
   *     the device must not install anything
   */
  public record DesiredModel(String name, String version, List<Target> targets) {}

  /**
   * One signed artifact of a desired model.
   *
   * @param path the target path, key in the targets metadata
   * @param variant the build variant
   * @param length bytes
   * @param sha256 hex
   * @param artifactUrl a presigned download URL (HTTPS in production), or null while the artifact
   *     is not in the object store
   */
  public record Target(
      String path, String variant, long length, String sha256, String artifactUrl) {}
}
