package dev.tandem.registry.auth;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <token>} and has {@link BearerIdentityProvider} resolve it. A
 * request without the header stays anonymous: endpoints that need a role then answer 401.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {
  /** The token type in {@link TokenCredential#getType()}. */
  public static final String TOKEN_TYPE = "bearer";

  private static final String PREFIX = "bearer ";
  private static final HttpCredentialTransport TRANSPORT =
      new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, TOKEN_TYPE);

  @Override
  public Uni<SecurityIdentity> authenticate(
      RoutingContext context, IdentityProviderManager identityProviderManager) {
    String token = bearerToken(context.request().getHeader("Authorization"));
    if (token == null) {
      return Uni.createFrom().nullItem();
    }
    return identityProviderManager.authenticate(
        new TokenAuthenticationRequest(new TokenCredential(token, TOKEN_TYPE)));
  }

  @Override
  public Uni<ChallengeData> getChallenge(RoutingContext context) {
    return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer"));
  }

  @Override
  public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
    return Set.of(TokenAuthenticationRequest.class);
  }

  @Override
  public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
    return Uni.createFrom().item(TRANSPORT);
  }

  /** The token of a {@code Bearer} header, or {@code null} if there is none. */
  static String bearerToken(String header) {
    if (header == null || header.length() <= PREFIX.length()) {
      return null;
    }
    if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    String token = header.substring(PREFIX.length()).strip();
    return token.isEmpty() ? null : token;
  }
}
