package dev.tandem.registry.hardware;

import dev.tandem.registry.device.DeviceConfig;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
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
    if (hardwareClass == null || !allowed.contains(hardwareClass)) {
      throw new RegistryException(
          ErrorCode.VALIDATION_FAILED,
          field
              + " '"
              + hardwareClass
              + "' is not a configured hardware class (tandem.devices.hardware-classes): "
              + String.join(", ", allowed));
    }
    return hardwareClass;
  }
}
