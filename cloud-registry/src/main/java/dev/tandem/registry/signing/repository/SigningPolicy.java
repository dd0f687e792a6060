package dev.tandem.registry.signing.repository;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link TufRepository} signs: how many keys each role gets, how many must sign, how long
 * documents live, and how long before expiry they are signed again.
 *
 * @param rootKeys keys of a new root role (first root, root rotation)
 * @param rootThreshold signatures a root needs, 1 to {@code rootKeys}
 * @param targetsKeys keys of a new targets role
 * @param targetsThreshold signatures targets need, 1 to {@code targetsKeys}
 * @param rootExpiry lifetime of a root version
 * @param targetsExpiry lifetime of a targets version
 * @param rootResignMargin a root is signed again (as the next version) this long before it expires
 * @param targetsResignMargin targets are signed again this long before they expire
 */
public record SigningPolicy(
    int rootKeys,
    int rootThreshold,
    int targetsKeys,
    int targetsThreshold,
    Duration rootExpiry,
    Duration targetsExpiry,
    Duration rootResignMargin,
    Duration targetsResignMargin) {

  /**
   * Validates the policy.
   *
   * @throws IllegalArgumentException naming the field that is out of range
   */
  public SigningPolicy {
    requireThreshold("rootThreshold", rootThreshold, "rootKeys", rootKeys);
    requireThreshold("targetsThreshold", targetsThreshold, "targetsKeys", targetsKeys);
    requireMargin("rootResignMargin", rootResignMargin, "rootExpiry", rootExpiry);
    requireMargin("targetsResignMargin", targetsResignMargin, "targetsExpiry", targetsExpiry);
  }

  /** 2 of 3 root keys, 1 of 1 targets key, roots for a year, targets for a week. */
  public static SigningPolicy defaults() {
    return new SigningPolicy(
        3,
        2,
        1,
        1,
        Duration.ofDays(365),
        Duration.ofDays(7),
        Duration.ofDays(30),
        Duration.ofDays(1));
  }

  private static void requireThreshold(String name, int threshold, String keysName, int keys) {
    if (keys < 1) {
      throw new IllegalArgumentException(keysName + " must be at least 1, got " + keys);
    }
    if (threshold < 1 || threshold > keys) {
      throw new IllegalArgumentException(
          name + " must be between 1 and " + keysName + " (" + keys + "), got " + threshold);
    }
  }

  private static void requireMargin(
      String name, Duration margin, String expiryName, Duration expiry) {
    Objects.requireNonNull(margin, name);
    Objects.requireNonNull(expiry, expiryName);
    if (expiry.compareTo(Duration.ofMinutes(1)) < 0) {
      throw new IllegalArgumentException(expiryName + " must be at least 1 minute, got " + expiry);
    }
    if (margin.isNegative() || margin.compareTo(expiry) >= 0) {
      throw new IllegalArgumentException(
          name
              + " must be at least 0 and shorter than "
              + expiryName
              + " ("
              + expiry
              + "), got "
              + margin);
    }
  }
}
