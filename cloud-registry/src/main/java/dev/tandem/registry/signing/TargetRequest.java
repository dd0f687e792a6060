package dev.tandem.registry.signing;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One artifact to sign, as the API takes it.
 *
 * @param path the target path, relative, e.g. {@code models/vibration/1.4.0/int8.tar.gz}
 * @param length the artifact's exact length in bytes
 * @param sha256 the artifact's SHA-256, 64 lower-case hex characters
 * @param model the model name
 * @param version the model version
 * @param variant the build variant, e.g. {@code int8}
 */
public record TargetRequest(
    @NotBlank String path,
    @NotNull @PositiveOrZero Long length,
    @NotBlank String sha256,
    @NotBlank String model,
    @NotBlank String version,
    @NotBlank String variant) {

  /**
   * The protocol's target entry.
   *
   * @throws RegistryException with {@link ErrorCode#VALIDATION_FAILED} naming the bad field
   */
  TargetInfo toTarget() {
    try {
      return new TargetInfo(path, length, sha256, model, version, variant);
    } catch (ProtocolException e) {
      throw new RegistryException(ErrorCode.VALIDATION_FAILED, e.getMessage(), e);
    }
  }
}
