package dev.tandem.registry.signing.repository;

import java.util.Objects;

/**
 * A targets key rotation: the root that trusts the new keys and the targets they signed.
 *
 * @param root the new root version
 * @param targets the new targets version
 */
public record KeyRotation(SignedDocument root, SignedDocument targets) {
  public KeyRotation {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(targets, "targets");
  }
}
