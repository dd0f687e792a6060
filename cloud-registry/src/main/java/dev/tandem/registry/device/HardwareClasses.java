package dev.tandem.registry.device;

import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.TreeSet;

/** The configured hardware classes ({@code tandem.devices.hardware-classes}). */
@ApplicationScoped
public class HardwareClasses {

  private final List<String> allowed;

  HardwareClasses(DeviceConfig config) {
    this.allowed = List.copyOf(new TreeSet<>(config.hardwareClasses()));
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
