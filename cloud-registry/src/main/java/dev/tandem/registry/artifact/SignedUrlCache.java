package dev.tandem.registry.artifact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reuses a presigned URL for a quarter of its lifetime. SigV4 signing costs more CPU than the rest
 * of a device's desired-state read (a third of the control plane's CPU under fleet load, measured
 * with JFR), and a fleet asks for the same few artifacts over and over. A URL handed out from here
 * always has at least three quarters of its TTL left, and says exactly when it expires.
 */
final class SignedUrlCache {
  /** The most URLs kept; past it the cache starts again empty. */
  static final int MAX_KEPT = 10_000;

  private record Key(String sha256, long ttlSeconds) {}

  private record Kept(PresignedUrl url, Instant reuseUntil) {}

  private final Clock clock;
  private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

  SignedUrlCache(Clock clock) {
    this.clock = clock;
  }

  /** The kept URL for this artifact and TTL while it is fresh enough, else a newly signed one. */
  PresignedUrl get(String sha256, Duration ttl, Supplier<PresignedUrl> sign) {
    Key key = new Key(sha256, ttl.toSeconds());
    Instant now = clock.instant();
    Kept hit = kept.get(key);
    if (hit != null && now.isBefore(hit.reuseUntil())) {
      return hit.url();
    }
    PresignedUrl fresh = sign.get();
    if (kept.size() >= MAX_KEPT) {
      kept.clear();
    }
    kept.put(key, new Kept(fresh, now.plus(ttl.dividedBy(4))));
    return fresh;
  }
}
