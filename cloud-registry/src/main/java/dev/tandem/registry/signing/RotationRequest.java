package dev.tandem.registry.signing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How many new keys a rotation creates, and how many of them must sign; each defaults to the
 * configured count and threshold of the role.
 *
 * @param keys new keys, 1 to 16
 * @param threshold signatures required, 1 to {@code keys}
 */
public record RotationRequest(@Min(1) @Max(16) Integer keys, @Min(1) @Max(16) Integer threshold) {}
