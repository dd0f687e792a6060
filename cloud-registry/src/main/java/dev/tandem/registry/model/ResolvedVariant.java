package dev.tandem.registry.model;

import java.util.Objects;

/**
 * The variant a device should run: what {@link VariantLookup} answers.
 *
 * @param version the version itself, also when it was asked for by alias
 * @param uploaded whether the artifact is stored, i.e. whether it can be presigned
 */
public record ResolvedVariant(
    String model,
    String version,
    String variant,
    String format,
    String sha256,
    long length,
    boolean uploaded) {
  public ResolvedVariant {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
  }
}
