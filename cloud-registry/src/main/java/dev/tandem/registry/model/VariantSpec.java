package dev.tandem.registry.model;

import dev.tandem.registry.artifact.Sha256;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One variant of a new version: an artifact built for some hardware.
 *
 * @param name e.g. {@code savedmodel-fp32}, {@code int8}, {@code edge-compact}
 * @param format e.g. {@code savedmodel}, {@code tflite}
 * @param hardwareClasses the hardware it fits, e.g. {@code ["jetson-orin", "x86-cpu"]}
 * @param sha256 the artifact's SHA-256; the upload must match it
 * @param length the artifact's length in bytes; the upload must match it
 */
public record VariantSpec(
    @NotNull @RegistryName String name,
    @NotNull @RegistryName String format,
    @NotEmpty @Size(max = 32) List<@NotNull @RegistryName String> hardwareClasses,
    @NotNull @Pattern(regexp = Sha256.REGEX, message = "must be 64 lower-case hex digits")
        String sha256,
    @NotNull @PositiveOrZero Long length) {}
