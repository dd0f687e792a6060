package dev.tandem.registry.model;

import dev.tandem.registry.artifact.Sha256;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The training data a version was made from.
 *
 * @param manifest where the snapshot's manifest is, e.g. {@code
 *     s3://tandem-lake/snapshots/2026-11-01/manifest.json}
 * @param sha256 the manifest's SHA-256, so the exact snapshot can be checked
 */
public record DatasetSnapshot(
    @NotBlank @Size(max = 1000) String manifest,
    @NotNull @Pattern(regexp = Sha256.REGEX, message = "must be 64 lower-case hex digits")
        String sha256) {}
