package dev.tandem.registry.rollout;

import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.spec.SpecException;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.hardware.HardwareClasses;
import dev.tandem.registry.model.ModelStore;
import dev.tandem.registry.model.ModelVersion;
import dev.tandem.registry.model.Variant;
import dev.tandem.registry.signing.SignedTargets;
import dev.tandem.registry.signing.SigningService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a request into a rollout: checks the strategy, finds the version, picks a variant per
 * hardware class (the version's first variant that lists the class, unless the request says
 * otherwise), checks every chosen artifact is uploaded, signs the targets that are not signed yet
 * (path {@code models/<model>/<version>/<variant>}), and hands the spec to the engine.
 */
@ApplicationScoped
public class RolloutCreation {
  private final ModelStore models;
  private final SigningService signing;
  private final DesiredStates states;
  private final RolloutService service;
  private final HardwareClasses hardwareClasses;

  RolloutCreation(
      ModelStore models,
      SigningService signing,
      DesiredStates states,
      RolloutService service,
      HardwareClasses hardwareClasses) {
    this.models = models;
    this.hardwareClasses = hardwareClasses;
    this.signing = signing;
    this.states = states;
    this.service = service;
  }

  /**
   * Creates the rollout.
   *
   * @throws SpecException naming the bad field, e.g. {@code variants.<class>} for an unknown
   *     hardware class, an unknown variant or a variant not built for that class
   * @throws RegistryException {@code NOT_FOUND} for an unknown model or version, {@code
   *     ARTIFACT_NOT_UPLOADED} when a chosen variant has no artifact, {@code INVALID_SELECTOR}
   */
  RolloutRecord create(RolloutRequest request, String actor) {
    if (request == null) {
      throw new SpecException("body", "must be a rollout request");
    }
    if (request.model() == null || request.model().isBlank()) {
      throw new SpecException("model", "is required");
    }
    if (request.version() == null || request.version().isBlank()) {
      throw new SpecException("version", "is required");
    }
    // A bad strategy is a bad request whatever the version: check it first.
    SpecMapping.strategy(request.strategy());
    ModelVersion version =
        models
            .findVersion(request.model(), request.version())
            .orElseThrow(
                () ->
                    RegistryException.notFound(
                        "version", request.model() + " " + request.version()));
    Map<String, Variant> byName = new TreeMap<>();
    Map<String, String> variants = new TreeMap<>();
    for (Variant v : version.variants()) {
      byName.put(v.name(), v);
      for (String hardwareClass : v.hardwareClasses()) {
        variants.putIfAbsent(hardwareClass, v.name());
      }
    }
    if (request.variants() != null) {
      request
          .variants()
          .forEach(
              (hardwareClass, variant) -> {
                requireChoice(version, byName, hardwareClass, variant);
                variants.put(hardwareClass, variant);
              });
    }
    RolloutSpec spec = SpecMapping.toSpec(request, variants);
    sign(version, byName, new TreeSet<>(variants.values()), actor);
    return service.engine().create(spec, actor);
  }

  /**
   * Checks one requested choice: a typo in the class or the variant must not be accepted, or the
   * devices of that class would silently get the default variant (or nothing).
   */
  private void requireChoice(
      ModelVersion version, Map<String, Variant> byName, String hardwareClass, String variant) {
    String field = "variants." + hardwareClass;
    hardwareClasses
        .refusal(hardwareClass)
        .ifPresent(
            refusal -> {
              throw new SpecException(field, refusal);
            });
    String of = version.model() + " " + version.version();
    Variant chosen = variant == null ? null : byName.get(variant);
    if (chosen == null) {
      throw new SpecException(
          field, of + " has no variant '" + variant + "'; it has " + byName.keySet());
    }
    if (!chosen.hardwareClasses().contains(hardwareClass)) {
      throw new SpecException(
          field,
          "variant '"
              + variant
              + "' of "
              + of
              + " is not built for hardware class '"
              + hardwareClass
              + "'; it is built for "
              + chosen.hardwareClasses());
    }
  }

  private void sign(
      ModelVersion version, Map<String, Variant> byName, TreeSet<String> used, String actor) {
    SignedTargets signed = states.signedTargets();
    List<TargetInfo> missing = new ArrayList<>();
    for (String name : used) {
      Variant v = byName.get(name);
      if (!v.uploaded()) {
        throw new RegistryException(
            ErrorCode.ARTIFACT_NOT_UPLOADED,
            "variant "
                + name
                + " of "
                + version.model()
                + " "
                + version.version()
                + " has no artifact uploaded; upload it before rolling it out");
      }
      if (signed.find(version.model(), version.version(), name).isEmpty()) {
        missing.add(
            new TargetInfo(
                SignedTargets.path(version.model(), version.version(), name),
                v.length(),
                v.sha256(),
                version.model(),
                version.version(),
                name));
      }
    }
    if (!missing.isEmpty()) {
      signing.addTargets(missing, actor);
    }
  }
}
