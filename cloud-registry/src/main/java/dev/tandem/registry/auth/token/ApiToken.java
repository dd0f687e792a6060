package dev.tandem.registry.auth.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.registry.auth.Roles;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An API token as listed: everything but its secret.
 *
 * @param id the token's id, used to revoke it
 * @param name what it is for, e.g. {@code ci-pipeline}; the actor of the changes made with it
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param createdBy who created it
 * @param expiresAt when it stops working; {@code null} for never
 * @param revokedAt when it was revoked; {@code null} while it is not
 * @param lastUsedAt when it last authenticated a request, to the minute; {@code null} if never
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiToken(
    UUID id,
    String name,
    String role,
    String createdBy,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    String revokedBy,
    Instant lastUsedAt) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    if (!Roles.TOKEN_ROLES.contains(role)) {
      throw new IllegalArgumentException("role must be viewer, operator or admin, got " + role);
    }
  }

  /** Whether it authenticates requests at {@code now}: not revoked and not expired. */
  public boolean validAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
