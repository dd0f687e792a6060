package dev.tandem.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SignedUrlCacheTest {
  private static final Duration TTL = Duration.ofMinutes(20);
  private static final String SHA = "cd".repeat(32);

  private Instant now = Instant.parse("2026-11-24T03:00:00Z");
  private final AtomicInteger signed = new AtomicInteger();

  private final SignedUrlCache cache =
      new SignedUrlCache(
          new Clock() {
            @Override
            public Instant instant() {
              return now;
            }

            @Override
            public java.time.ZoneId getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }
          });

  private Supplier<PresignedUrl> signer(String sha) {
    return () ->
        new PresignedUrl(
            URI.create("https://store/" + sha + "?sig=" + signed.incrementAndGet()),
            now.plus(TTL),
            sha,
            7);
  }

  @Test
  void aUrlIsReusedForAQuarterOfItsLifeThenSignedAgain() {
    PresignedUrl first = cache.get(SHA, TTL, signer(SHA));
    now = now.plus(Duration.ofMinutes(4));
    assertThat(cache.get(SHA, TTL, signer(SHA))).isSameAs(first);

    now = now.plus(Duration.ofMinutes(1));
    PresignedUrl second = cache.get(SHA, TTL, signer(SHA));

    assertThat(second).isNotEqualTo(first);
    assertThat(second.expiresAt()).isEqualTo(now.plus(TTL));
    assertThat(signed).hasValue(2);
  }

  @Test
  void everyHandedOutUrlHasThreeQuartersOfItsTtlLeft() {
    for (int minute = 0; minute < 60; minute++) {
      PresignedUrl url = cache.get(SHA, TTL, signer(SHA));
      assertThat(Duration.between(now, url.expiresAt()))
          .isGreaterThanOrEqualTo(TTL.minus(TTL.dividedBy(4)));
      now = now.plus(Duration.ofMinutes(1));
    }
  }

  @Test
  void artifactsAndTtlsAreKeptApart() {
    String other = "ef".repeat(32);
    PresignedUrl a = cache.get(SHA, TTL, signer(SHA));
    PresignedUrl b = cache.get(other, TTL, signer(other));
    PresignedUrl c = cache.get(SHA, Duration.ofMinutes(5), signer(SHA));

    assertThat(b.sha256()).isEqualTo(other);
    assertThat(c).isNotEqualTo(a);
    assertThat(signed).hasValue(3);
  }
}
