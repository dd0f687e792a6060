package dev.tandem.registry.auth;

import java.util.Optional;

/**
 * Turns a bearer token into the credential it stands for. Every CDI bean implementing this is
 * asked, in turn, for each request that carries {@code Authorization: Bearer <token>}; a resolver
 * answers empty for tokens that are not its own (each kind has its own prefix) and for tokens it
 * does not know, has revoked or has seen expire.
 *
 * <p>Resolvers run on a worker thread and may block (on the database, say).
 */
public interface CredentialResolver {

  /**
   * The credential {@code bearerToken} stands for, if this resolver knows it and it is valid now.
   *
   * @param bearerToken the token as sent, without the {@code Bearer } prefix; never blank
   */
  Optional<ResolvedCredential> resolve(String bearerToken);
}
