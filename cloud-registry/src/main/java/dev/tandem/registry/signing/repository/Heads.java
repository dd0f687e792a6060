package dev.tandem.registry.signing.repository;

import java.util.Objects;
import java.util.Optional;

/**
 * The newest root and targets documents of a repository; both empty before it is initialised.
 *
 * @param root the newest root
 * @param targets the newest targets
 */
public record Heads(Optional<SignedDocument> root, Optional<SignedDocument> targets) {

  public Heads {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(targets, "targets");
  }

  /** The newest root. @throws IllegalStateException if the repository is not initialised */
  public SignedDocument requireRoot() {
    return root.orElseThrow(() -> new IllegalStateException("the repository has no root yet"));
  }

  /** The newest targets. @throws IllegalStateException if the repository is not initialised */
  public SignedDocument requireTargets() {
    return targets.orElseThrow(
        () -> new IllegalStateException("the repository has no targets yet"));
  }
}
