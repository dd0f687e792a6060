package dev.tandem.registry.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;

/**
 * Builds the {@link SecurityIdentity} of a bearer token by asking every {@link CredentialResolver}
 * bean; the first that knows the token wins. A token that none knows fails authentication (401).
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
  /** The identity attribute holding the {@link ResolvedCredential}. */
  public static final String CREDENTIAL_ATTRIBUTE = "tandem.credential";

  /** The longest token looked at; longer ones are refused without asking any resolver. */
  static final int MAX_TOKEN_LENGTH = 512;

  private final Instance<CredentialResolver> resolvers;

  BearerIdentityProvider(@Any Instance<CredentialResolver> resolvers) {
    this.resolvers = resolvers;
  }

  @Override
  public Class<TokenAuthenticationRequest> getRequestType() {
    return TokenAuthenticationRequest.class;
  }

  @Override
  public Uni<SecurityIdentity> authenticate(
      TokenAuthenticationRequest request, AuthenticationRequestContext context) {
    String token = request.getToken().getToken();
    return context.runBlocking(() -> identity(resolve(token)));
  }

  /** The credential of {@code token}. */
  Optional<ResolvedCredential> resolve(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    for (CredentialResolver resolver : resolvers) {
      Optional<ResolvedCredential> credential = resolver.resolve(token);
      if (credential.isPresent()) {
        return credential;
      }
    }
    return Optional.empty();
  }

  private static SecurityIdentity identity(Optional<ResolvedCredential> resolved) {
    ResolvedCredential credential =
        resolved.orElseThrow(
            () -> new AuthenticationFailedException("the bearer token is unknown or not valid"));
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(credential.principal()))
        .addRoles(credential.roles())
        .addAttribute(CREDENTIAL_ATTRIBUTE, credential)
        .build();
  }
}
