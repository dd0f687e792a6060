package dev.tandem.registry.signing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Artifacts to list in the next targets version.
 *
 * @param targets 1 to 1000 targets
 */
public record AddTargetsRequest(
    @NotNull @Size(min = 1, max = 1000) List<@Valid @NotNull TargetRequest> targets) {}
