package dev.tandem.registry.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/models}. */
public record CreateModelRequest(
    @NotNull @Pattern(regexp = Names.NAME, message = Names.NAME_RULE) String name,
    @Size(max = 4000) String description) {}
