package dev.tandem.registry.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/v1/models/{name}/versions}. */
public record CreateVersionRequest(
    @NotNull @VersionName String version,
    @NotNull @Valid ModelCard card,
    @NotNull @Valid Lineage lineage,
    @NotEmpty @Size(max = 32) List<@NotNull @Valid VariantSpec> variants) {}
