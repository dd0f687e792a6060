package dev.tandem.registry.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/** A device credential for tests: {@link #TOKEN} is the device {@value #DEVICE_ID}. */
@ApplicationScoped
public class TestDeviceResolver implements CredentialResolver {
  /** The test device's bearer token. */
  public static final String TOKEN = "tdd_test-only-device-token-000000000000000000";

  /** The test device's principal. */
  public static final String DEVICE_ID = "test-device-0";

  @Override
  public Optional<ResolvedCredential> resolve(String bearerToken) {
    return TOKEN.equals(bearerToken)
        ? Optional.of(
            new ResolvedCredential(DEVICE_ID, Set.of(Roles.DEVICE), ResolvedCredential.Kind.DEVICE))
        : Optional.empty();
  }
}
