package dev.tandem.registry.model;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/v1/models/{name}/aliases/{alias}}: the version to point at. */
public record SetAliasRequest(@NotNull @VersionName String version) {}
