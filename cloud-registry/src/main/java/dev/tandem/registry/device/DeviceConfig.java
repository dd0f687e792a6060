package dev.tandem.registry.device;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The {@code tandem.devices.*} keys: provisioning rules and what devices are told. */
@ConfigMapping(prefix = "tandem.devices")
public interface DeviceConfig {

  /** {@code tandem.devices.hardware-classes}: the hardware classes devices may have. */
  @WithDefault("jetson-orin,jetson-nano,coral,raspberry-pi,x86-cpu,x86-gpu,arm64-cpu")
  @NotEmpty
  List<
          @Pattern(
              regexp = "[a-z0-9][a-z0-9._-]{0,62}",
              message = "must be 1 to 63 of a-z, 0-9, '.', '_', '-'")
          String>
      hardwareClasses();

  /** {@code tandem.devices.enrollment-token-ttl}: how long a new enrollment token is valid. */
  @WithDefault("24h")
  @NotNull
  Duration enrollmentTokenTtl();

  /** {@code tandem.devices.enrollment-token-max-ttl}: the longest validity an operator may ask. */
  @WithDefault("30d")
  @NotNull
  Duration enrollmentTokenMaxTtl();

  /**
   * {@code tandem.devices.mqtt-url}: the broker URL handed to enrolling devices; defaults to {@code
   * tandem.mqtt.url} (set it when devices reach the broker by another name).
   */
  Optional<
          @Pattern(
              regexp = "(tcp|ssl)://[^\\s/?#]+:\\d{1,5}/?",
              message = "must be tcp://host:port or ssl://host:port")
          String>
      mqttUrl();
}
