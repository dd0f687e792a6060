package dev.tandem.registry.signing.repository;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link TufRepository#resignIfDue} signed.
 *
 * @param root the new root version, if the root was due
 * @param targets the new targets version, if the targets were due
 * @param rootProblem why a due root could not be signed, if it could not
 */
public record ResignResult(
    Optional<SignedDocument> root, Optional<SignedDocument> targets, Optional<String> rootProblem) {
  public ResignResult {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(targets, "targets");
    Objects.requireNonNull(rootProblem, "rootProblem");
  }
}
