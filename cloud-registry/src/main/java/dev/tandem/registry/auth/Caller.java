package dev.tandem.registry.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/** What the current request's identity says about its caller. */
public final class Caller {
  /** The actor recorded for requests without credentials. */
  public static final String ANONYMOUS = "anonymous";

  private Caller() {}

  /** The credential behind {@code identity}, empty for anonymous requests. */
  public static Optional<ResolvedCredential> credential(SecurityIdentity identity) {
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    Object credential = identity.getAttribute(BearerIdentityProvider.CREDENTIAL_ATTRIBUTE);
    return credential instanceof ResolvedCredential resolved
        ? Optional.of(resolved)
        : Optional.empty();
  }

  /** The principal's name, or {@value #ANONYMOUS}. */
  public static String name(SecurityIdentity identity) {
    return identity == null || identity.isAnonymous()
        ? ANONYMOUS
        : identity.getPrincipal().getName();
  }
}
