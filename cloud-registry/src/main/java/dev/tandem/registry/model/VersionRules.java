package dev.tandem.registry.model;

import dev.tandem.registry.error.ErrorBody;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.error.ValidationFailure;
import dev.tandem.registry.hardware.HardwareClasses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules of a new version that field annotations cannot say. */
final class VersionRules {
  private VersionRules() {}

  /**
   * Checks variant names are unique, variants target configured hardware classes, training
   * parameters are scalars and artifacts are not larger than {@code maxArtifactSize}.
   *
   * @throws RegistryException {@code VALIDATION_FAILED} naming each bad field, or {@code
   *     ARTIFACT_TOO_LARGE}
   */
  static void check(
      CreateVersionRequest request, long maxArtifactSize, HardwareClasses hardwareClasses) {
    List<ErrorBody.Violation> violations = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < request.variants().size(); i++) {
      VariantSpec variant = request.variants().get(i);
      if (!names.add(variant.name())) {
        violations.add(
            new ErrorBody.Violation(
                "variants[" + i + "].name", "repeats variant name " + variant.name()));
      }
      List<String> classes = variant.hardwareClasses();
      for (int j = 0; j < classes.size(); j++) {
        if (!hardwareClasses.allowed().contains(classes.get(j))) {
          violations.add(
              new ErrorBody.Violation(
                  "variants[" + i + "].hardwareClasses[" + j + "]",
                  "'"
                      + classes.get(j)
                      + "' is not a configured hardware class (tandem.devices.hardware-classes): "
                      + String.join(", ", hardwareClasses.allowed())));
        }
      }
    }
    Map<String, Object> parameters = request.lineage().trainingParameters();
    if (parameters != null) {
      parameters.forEach(
          (key, value) -> {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
              violations.add(
                  new ErrorBody.Violation(
                      "lineage.trainingParameters." + key, "must be a string, number or boolean"));
            }
          });
    }
    if (!violations.isEmpty()) {
      throw new ValidationFailure(violations);
    }
    for (VariantSpec variant : request.variants()) {
      if (variant.length() > maxArtifactSize) {
        throw new RegistryException(
            ErrorCode.ARTIFACT_TOO_LARGE,
            "variant "
                + variant.name()
                + " declares "
                + variant.length()
                + " bytes; this registry accepts at most "
                + maxArtifactSize
                + " (tandem.registry.max-artifact-size)");
      }
    }
  }
}
