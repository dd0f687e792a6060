package dev.tandem.registry.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Who a bearer token stands for.
 *
 * @param principal the name recorded as the actor of every change made with it, e.g. {@code
 *     ci-pipeline} or a device id
 * @param roles every role it holds, already expanded (see {@link Roles#granted(String)})
 * @param kind what sort of credential it is
 * @param subject what the resolver read about the principal while resolving (a device's record,
 *     say), so that the endpoint need not read it again in the same request; null if nothing
 */
public record ResolvedCredential(String principal, Set<String> roles, Kind kind, Object subject) {

  /** A credential without a subject. */
  public ResolvedCredential(String principal, Set<String> roles, Kind kind) {
    this(principal, roles, kind, null);
  }

  /** The sorts of credential; each has its own token prefix. */
  public enum Kind {
    /** A person's or a service's API token, {@code tdm_...}. */
    API_TOKEN,
    /** A device's token, {@code tdd_...}. */
    DEVICE
  }

  public ResolvedCredential {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(kind, "kind");
    roles = Set.copyOf(roles);
    if (principal.isBlank()) {
      throw new IllegalArgumentException("principal must not be blank");
    }
    // Devices and people never share roles: a leaked device token must not steer the fleet, and an
    // operator's token must not pose as a device.
    if (kind == Kind.DEVICE && !roles.equals(Set.of(Roles.DEVICE))) {
      throw new IllegalArgumentException("a device credential holds the device role alone");
    }
    if (kind == Kind.API_TOKEN && (roles.isEmpty() || roles.contains(Roles.DEVICE))) {
      throw new IllegalArgumentException(
          "an API token holds viewer, operator or admin roles, never device");
    }
  }
}
