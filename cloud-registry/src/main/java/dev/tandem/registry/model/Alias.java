package dev.tandem.registry.model;

import java.time.Instant;

/** Where an alias of a model points now, and who moved it there when. */
public record Alias(String model, String alias, String version, String movedBy, Instant movedAt) {}
