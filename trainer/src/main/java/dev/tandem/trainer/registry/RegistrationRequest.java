package dev.tandem.trainer.registry;

import java.util.List;
import java.util.Map;

/**
 * A version to register, complete before the first call to the control plane.
 *
 * @param card the model card ({@code inputs}, {@code outputs}, {@code metrics}, ...)
 * @param lineage {@code dataset}, {@code parentVersion}, {@code trainingParameters}, {@code
 *     codeVersion}
 * @param artifacts one per variant, in the order devices should prefer them
 */
public record RegistrationRequest(
    String model,
    String description,
    String version,
    String parentVersion,
    Map<String, Object> card,
    Map<String, Object> lineage,
    List<Artifact> artifacts) {
  public RegistrationRequest {
    artifacts = List.copyOf(artifacts);
    if (artifacts.isEmpty()) {
      throw new IllegalArgumentException("a version needs at least one variant");
    }
  }

  /** One variant's artifact. */
  public record Artifact(
      String variant, String format, List<String> hardwareClasses, byte[] bytes) {
    public String sha256() {
      return Digests.sha256(bytes);
    }
  }
}
