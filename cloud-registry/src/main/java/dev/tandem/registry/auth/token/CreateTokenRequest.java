package dev.tandem.registry.auth.token;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/tokens}.
 *
 * @param name what the token is for, e.g. {@code ci-pipeline}: becomes the actor in the audit log
 * @param role {@code viewer}, {@code operator} or {@code admin}
 * @param expiresAt optional; must be in the future
 */
public record CreateTokenRequest(
    @NotNull
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{0,99}",
            message = "must be 1 to 100 letters, digits, '.', '_', '@' or '-'")
        String name,
    @NotNull
        @Pattern(regexp = "viewer|operator|admin", message = "must be viewer, operator or admin")
        String role,
    Instant expiresAt) {}
