package dev.tandem.registry.auth.token;

import java.util.Objects;

/**
 * What creating a token answers: the token itself, shown this once and never again, and its
 * metadata.
 */
public record CreatedToken(String token, ApiToken metadata) {
  public CreatedToken {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(metadata, "metadata");
  }
}
