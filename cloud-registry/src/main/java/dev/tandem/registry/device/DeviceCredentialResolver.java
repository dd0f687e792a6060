package dev.tandem.registry.device;

import dev.tandem.registry.auth.CredentialResolver;
import dev.tandem.registry.auth.ResolvedCredential;
import dev.tandem.registry.auth.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves device tokens ({@code tdd_...}) of active devices to the device role, with the device id
 * as principal and the device's record as subject (one query gives both: the device-facing reads
 * need the record anyway). Looked up on every request, so rotation and decommissioning take effect
 * at once.
 */
@ApplicationScoped
public class DeviceCredentialResolver implements CredentialResolver {

  private final DeviceStore devices;

  DeviceCredentialResolver(DeviceStore devices) {
    this.devices = devices;
  }

  @Override
  public Optional<ResolvedCredential> resolve(String bearerToken) {
    if (!bearerToken.startsWith(Secrets.DEVICE_TOKEN) || bearerToken.length() > 200) {
      return Optional.empty();
    }
    return devices
        .activeDeviceWithToken(Secrets.hash(bearerToken))
        .map(
            device ->
                new ResolvedCredential(
                    device.id(), Set.of(Roles.DEVICE), ResolvedCredential.Kind.DEVICE, device));
  }
}
