package dev.tandem.registry.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The body of {@code PUT /api/v1/models/{name}/aliases/{alias}}: the version to point at. */
public record SetAliasRequest(
    @NotNull @Pattern(regexp = Names.VERSION, message = Names.VERSION_RULE) String version) {}
