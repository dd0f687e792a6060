package dev.tandem.registry.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.registry.audit.AuditLog;
import dev.tandem.registry.signing.keys.SigningBackend;
import dev.tandem.registry.signing.repository.JdbcRepositoryStore;
import dev.tandem.registry.signing.repository.SigningPolicy;
import dev.tandem.registry.signing.repository.TufRepository;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The signing service in the running application, against the real PostgreSQL. */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class SigningServiceTest {

  @Inject SigningService signing;
  @Inject SigningBackend backend;
  @Inject SigningPolicy policy;
  @Inject DataSource dataSource;
  @Inject AuditLog audit;

  private final MetadataVerifier device = new MetadataVerifier(InstantSource.system());

  static TargetInfo target(String model) {
    String sha = String.format("%064x", Math.abs((long) model.hashCode()));
    return new TargetInfo(
        "models/" + model + "/1.0.0/int8.tar.gz", 42, sha, model, "1.0.0", "int8");
  }

  @Test
  void startupPublishedARootAndTargetsThatADeviceAccepts() {
    TrustedState startup = device.pin(signing.root(1).orElseThrow().bytes());
    TrustedState state =
        device.updateRoots(startup, signing.rootsAfter(1).stream().map(d -> d.bytes()).toList());
    state = device.updateTargets(state, signing.targets().bytes());

    // The root published at start-up; later tests in the same JVM may rotate to other roots.
    assertThat(startup.root().rootRole().threshold()).isEqualTo(2);
    assertThat(startup.root().rootRole().keyIds()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(state.targetsVersion()).isEqualTo(signing.targets().version());
  }

  @Test
  void addTargetsIsStoredAndAuditedWithItsActor() {
    String model = "m-" + UUID.randomUUID();
    long before = signing.targets().version();

    var change = signing.addTargets(List.of(target(model)), "ml@example.com");

    assertThat(change.targets().version()).isGreaterThan(before);
    assertThat(signing.targets().targetsMetadata().targets())
        .containsKey("models/" + model + "/1.0.0/int8.tar.gz");
    var entries = audit.page(SigningService.AUDIT_TARGET, null, 20).entries();
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("ml@example.com");
              assertThat(e.action()).isEqualTo("signing.targets.added");
              assertThat(e.detail().get("version").asLong()).isEqualTo(change.targets().version());
              assertThat(e.detail().get("paths").toString()).contains(model);
            });
  }

  @Test
  void aSecondRepositoryOnTheSameDatabaseContinuesTheVersions() {
    long before = signing.targets().version();
    TufRepository restarted =
        new TufRepository(
            backend, new JdbcRepositoryStore(dataSource), policy, InstantSource.system());

    restarted.initialize();
    var change = restarted.addTargets(List.of(target("restart-" + UUID.randomUUID())));

    assertThat(change.targets().version()).isEqualTo(before + 1);
    assertThat(signing.targets().version()).isEqualTo(before + 1);
  }

  @Test
  void concurrentWritersGetDistinctConsecutiveVersions() throws Exception {
    long before = signing.targets().version();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Long>> writers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String model = "c" + i + "-" + UUID.randomUUID();
        writers.add(() -> signing.addTargets(List.of(target(model)), "test").targets().version());
      }
      Set<Long> versions = new TreeSet<>();
      for (Future<Long> f : pool.invokeAll(writers, 60, TimeUnit.SECONDS)) {
        versions.add(f.get());
      }

      assertThat(versions).hasSize(8);
      assertThat(versions).first().isEqualTo(before + 1);
      assertThat(versions).last().isEqualTo(before + 8);
      assertThat(signing.targets().targetsMetadata().targets().size()).isGreaterThanOrEqualTo(8);
    } finally {
      pool.shutdownNow();
    }
  }
}
