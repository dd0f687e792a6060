package dev.tandem.registry.auth.token;

import dev.tandem.registry.auth.CredentialResolver;
import dev.tandem.registry.auth.ResolvedCredential;
import dev.tandem.registry.auth.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves {@code tdm_} tokens: the bootstrap token, or a stored token that is neither revoked nor
 * expired. Each request looks the token up again, so a revocation takes effect at once.
 */
@ApplicationScoped
public class ApiTokenResolver implements CredentialResolver {
  /** {@code last_used_at} is written at most this often per token, not on every request. */
  static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

  private final ApiTokenStore store;
  private final BootstrapToken bootstrap;
  private final InstantSource clock = InstantSource.system();
  private final Map<UUID, Instant> lastTouched = new ConcurrentHashMap<>();

  ApiTokenResolver(ApiTokenStore store, BootstrapToken bootstrap) {
    this.store = store;
    this.bootstrap = bootstrap;
  }

  @Override
  public Optional<ResolvedCredential> resolve(String bearerToken) {
    if (!TokenSecrets.looksLikeToken(bearerToken)) {
      return Optional.empty();
    }
    if (bootstrap.matches(bearerToken)) {
      return Optional.of(credential(bootstrap.name(), Roles.ADMIN));
    }
    Instant now = clock.instant();
    Optional<ApiToken> token =
        store.findBySecretHash(TokenSecrets.hash(bearerToken)).filter(t -> t.validAt(now));
    token.ifPresent(t -> touch(t.id(), now));
    return token.map(t -> credential(t.name(), t.role()));
  }

  private void touch(UUID id, Instant now) {
    Instant last = lastTouched.get(id);
    if (last == null || !now.isBefore(last.plus(TOUCH_INTERVAL))) {
      lastTouched.put(id, now);
      store.touch(id);
    }
  }

  private static ResolvedCredential credential(String name, String role) {
    return new ResolvedCredential(name, Roles.granted(role), ResolvedCredential.Kind.API_TOKEN);
  }
}
