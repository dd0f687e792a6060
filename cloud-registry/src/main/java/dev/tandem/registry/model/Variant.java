package dev.tandem.registry.model;

import java.util.List;
import java.util.Objects;

/**
 * A variant of a version.
 *
 * @param uploaded whether its artifact is stored and can be downloaded
 */
public record Variant(
    String name,
    String format,
    List<String> hardwareClasses,
    String sha256,
    long length,
    boolean uploaded) {
  public Variant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
    hardwareClasses = List.copyOf(hardwareClasses);
  }
}
