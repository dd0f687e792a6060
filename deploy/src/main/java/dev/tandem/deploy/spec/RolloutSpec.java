package dev.tandem.deploy.spec;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a rollout installs where, and how.
 *
 * @param model the model name
 * @param version the version to install
 * @param variants hardware class to the variant that class installs; a targeted device whose class
 *     has none fails at once with {@code NO_VARIANT}
 * @param selector which devices, in the host's selector syntax (empty: every device)
 * @param strategy how
 */
public record RolloutSpec(
    String model,
    String version,
    Map<String, String> variants,
    String selector,
    Strategy strategy) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");

  public RolloutSpec {
    SpecException.require(
        model != null && NAME.matcher(model).matches(), "model", "must match " + NAME.pattern());
    SpecException.require(
        version != null && VERSION.matcher(version).matches(),
        "version",
        "must match " + VERSION.pattern());
    SpecException.require(
        variants != null && !variants.isEmpty(), "variants", "must name at least one variant");
    for (var e : variants.entrySet()) {
      SpecException.require(
          e.getKey() != null && NAME.matcher(e.getKey()).matches(),
          "variants",
          "hardware class '" + e.getKey() + "' must match " + NAME.pattern());
      SpecException.require(
          e.getValue() != null && NAME.matcher(e.getValue()).matches(),
          "variants." + e.getKey(),
          "must match " + NAME.pattern());
    }
    variants = Map.copyOf(new TreeMap<>(variants));
    selector = selector == null ? "" : selector.strip();
    SpecException.require(strategy != null, "strategy", "is required");
  }

  /** The variant a device of {@code hardwareClass} installs, if the version has one. */
  public Optional<String> variantFor(String hardwareClass) {
    return Optional.ofNullable(variants.get(hardwareClass));
  }
}
