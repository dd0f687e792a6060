package dev.tandem.registry.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/models}. */
public record CreateModelRequest(
    @NotNull @RegistryName String name, @Size(max = 4000) String description) {}
