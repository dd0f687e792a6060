package dev.tandem.registry.device;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An enrollment token without its secret: what the device that exchanges it will be.
 *
 * @param id the token's id
 * @param hardwareClass the hardware class the device gets
 * @param groups the groups the device joins
 * @param tags the tags the device gets
 * @param expiresAt after this the token is refused
 * @param createdBy who created it
 * @param createdAt when
 * @param usedAt when it was exchanged, or null
 * @param usedByDevice the device it became, or null
 * @param revokedAt when an operator revoked it, or null
 */
public record EnrollmentToken(
    UUID id,
    String hardwareClass,
    List<String> groups,
    Map<String, String> tags,
    Instant expiresAt,
    String createdBy,
    Instant createdAt,
    Instant usedAt,
    String usedByDevice,
    Instant revokedAt) {

  public EnrollmentToken {
    groups = List.copyOf(groups);
    tags = Map.copyOf(tags);
  }
}
