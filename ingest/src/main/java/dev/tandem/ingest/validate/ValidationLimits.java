package dev.tandem.ingest.validate;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits a message must respect to be ingested.
 *
 * @param maxPayloadBytes larger payloads are dead-lettered unparsed
 * @param maxClockSkew how far in the future a header timestamp may be (device clocks drift)
 * @param maxAge how old a header timestamp may be (devices forward what they stored offline)
 */
public record ValidationLimits(int maxPayloadBytes, Duration maxClockSkew, Duration maxAge) {
  /** 256 KiB, 5 minutes of skew, 30 days of age. */
  public static final ValidationLimits DEFAULTS =
      new ValidationLimits(256 * 1024, Duration.ofMinutes(5), Duration.ofDays(30));

  /**
   * Kafka refuses requests over 1 MiB by default ({@code max.request.size}); a payload the bridge
   * accepts, or the prefix of one it dead-letters, must always fit with its headers.
   */
  public static final int MAX_PAYLOAD_CEILING = 900 * 1024;

  public ValidationLimits {
    if (maxPayloadBytes < 64 || maxPayloadBytes > MAX_PAYLOAD_CEILING) {
      throw new IllegalArgumentException(
          "max-payload-bytes must be 64.." + MAX_PAYLOAD_CEILING + ": " + maxPayloadBytes);
    }
    Objects.requireNonNull(maxClockSkew, "maxClockSkew");
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxClockSkew.isNegative()) {
      throw new IllegalArgumentException("max-clock-skew must not be negative");
    }
    if (maxAge.isNegative() || maxAge.isZero()) {
      throw new IllegalArgumentException("max-age must be positive");
    }
  }
}
