package dev.tandem.registry.device;

/**
 * A new enrollment token: the secret, shown this once, and what it enrolls.
 *
 * @param token the secret, {@code tde_...}; give it to the device's installer
 * @param enrollment the token's facts
 */
public record CreatedEnrollmentToken(String token, EnrollmentToken enrollment) {}
