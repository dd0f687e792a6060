package dev.tandem.registry.hardware;

import dev.tandem.registry.device.DeviceConfig;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The configured hardware classes ({@code tandem.devices.hardware-classes}): what devices are
 * enrolled with and what model variants are built for. One list for both, so that a variant can
 * never name a class no device has.
 */
@ApplicationScoped
public class HardwareClasses {

  private final List<String> allowed;

  @Inject
  HardwareClasses(DeviceConfig config) {
    this(config.hardwareClasses());
  }

  /** For tests: exactly these classes. */
  public HardwareClasses(java.util.Collection<String> classes) {
    this.allowed = List.copyOf(new TreeSet<>(classes));
  }

  /** Every allowed class, sorted. */
  public List<String> allowed() {
    return allowed;
  }

  /**
   * Checks a hardware class.
   *
   * @throws RegistryException with {@link ErrorCode#VALIDATION_FAILED} listing the allowed ones
   */
  public String require(String hardwareClass, String field) {
    Optional<String> refusal = refusal(hardwareClass);
    if (refusal.isPresent()) {
      throw new RegistryException(ErrorCode.VALIDATION_FAILED, field + " " + refusal.get());
    }
    return hardwareClass;
  }

  /**
   * Why a hardware class is refused, listing the allowed ones, for callers that report it in their
   * own kind of error; empty when it is allowed.
   */
  public Optional<String> refusal(String hardwareClass) {
    if (hardwareClass != null && allowed.contains(hardwareClass)) {
      return Optional.empty();
    }
    return Optional.of(
        "'"
            + hardwareClass
            + "' is not a configured hardware class (tandem.devices.hardware-classes): "
            + String.join(", ", allowed));
  }
}
