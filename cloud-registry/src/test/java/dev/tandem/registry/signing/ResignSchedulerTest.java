package dev.tandem.registry.signing;

import static dev.tandem.registry.device.Devices.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.registry.audit.AuditLog;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The re-signing job in the running application: with targets that live a minute and are due five
 * seconds after signing, the scheduler (every second) signs them again on its own, as the
 * scheduler's actor; between those moments nothing is due and nothing is signed.
 */
@QuarkusTest
@TestProfile(ResignSchedulerTest.ShortLivedTargets.class)
@WithTestResource(TandemServersResource.class)
class ResignSchedulerTest {
  private static final Duration MARGIN = Duration.ofSeconds(55);
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** Targets due for re-signing soon after they are signed; the scheduler looks every second. */
  public static class ShortLivedTargets implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "tandem.signing.targets-expiry", "1m",
          "tandem.signing.targets-resign-margin", MARGIN.toSeconds() + "s",
          "tandem.signing.resign-check-interval", "1s");
    }
  }

  @Inject SigningService signing;
  @Inject AuditLog audit;

  private final MetadataVerifier device = new MetadataVerifier(InstantSource.system());

  @Test
  void theSchedulerSignsTheTargetsAgainBeforeTheyExpire() throws Exception {
    TrustedState before = served();
    long version = before.targetsVersion();
    Instant expires = before.targets().orElseThrow().expires();

    eventually(WAIT, () -> served().targetsVersion() > version, "re-signed targets");

    // Served by the API and accepted by a device that pinned the first root.
    TrustedState after = served();
    assertThat(after.targetsVersion()).isGreaterThan(version);
    assertThat(after.targets().orElseThrow().expires()).isAfter(expires);
    assertThat(after.targets().orElseThrow().targets())
        .isEqualTo(before.targets().orElseThrow().targets());
    assertThat(audit.page(SigningService.AUDIT_TARGET, null, 50).entries())
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("system:signing-scheduler");
              assertThat(e.action()).isEqualTo("signing.targets.resigned");
              assertThat(e.detail().get("role").asText()).isEqualTo("targets");
              assertThat(e.detail().get("version").asLong()).isGreaterThan(version);
            });
  }

  @Test
  void nothingIsSignedAgainBeforeItIsDue() throws Exception {
    // Wait for a moment with at least two seconds left before the targets are due.
    eventually(
        WAIT,
        () -> Instant.now().plusSeconds(2).isBefore(signing.targets().expires().minus(MARGIN)),
        "targets that are not due");
    long version = signing.targets().version();
    long rootVersion = signing.latestRoot().version();

    var result = signing.resignIfDue();

    assertThat(result.targets()).isEmpty();
    assertThat(result.root()).isEmpty();
    assertThat(result.rootProblem()).isEmpty();
    assertThat(signing.targets().version()).isEqualTo(version);
    assertThat(signing.latestRoot().version()).isEqualTo(rootVersion);
  }

  /** Pins root 1 and applies the newer roots and the targets, all as the API serves them. */
  private TrustedState served() {
    TrustedState state = device.pin(get("/api/v1/signing/root/1"));
    long latest = signing.latestRoot().version();
    List<byte[]> newer =
        java.util.stream.LongStream.rangeClosed(2, latest)
            .mapToObj(v -> get("/api/v1/signing/root/" + v))
            .toList();
    state = device.updateRoots(state, newer);
    return device.updateTargets(state, get("/api/v1/signing/targets"));
  }

  private static byte[] get(String path) {
    return TestTokens.as(Roles.VIEWER)
        .get(path)
        .then()
        .statusCode(200)
        .extract()
        .body()
        .asByteArray();
  }
}
