package dev.tandem.registry.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A version of a model, with its card, lineage and variants. */
public record ModelVersion(
    String model,
    String version,
    ModelCard card,
    Lineage lineage,
    List<Variant> variants,
    String createdBy,
    Instant createdAt) {
  public ModelVersion {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(lineage, "lineage");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    variants = List.copyOf(variants);
  }
}
