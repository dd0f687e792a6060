package dev.tandem.registry.signing.repository;

import java.util.List;
import java.util.Objects;

/**
 * The targets after a change.
 *
 * @param targets the newest targets document
 * @param paths the paths added or removed
 * @param changed whether a new version was signed
 */
public record TargetsChange(SignedDocument targets, List<String> paths, boolean changed) {
  public TargetsChange {
    Objects.requireNonNull(targets, "targets");
    paths = List.copyOf(paths);
  }
}
