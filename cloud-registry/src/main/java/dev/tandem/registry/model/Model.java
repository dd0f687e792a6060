package dev.tandem.registry.model;

import java.time.Instant;
import java.util.Objects;

/** A registered model. */
public record Model(String name, String description, String createdBy, Instant createdAt) {
  public Model {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
