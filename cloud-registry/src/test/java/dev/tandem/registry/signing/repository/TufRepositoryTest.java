package dev.tandem.registry.signing.repository;

import static dev.tandem.registry.signing.repository.Fixture.START;
import static dev.tandem.registry.signing.repository.Fixture.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.signing.keys.KeyPurpose;
import dev.tandem.registry.signing.keys.PassphraseKeyStore;
import dev.tandem.registry.signing.keys.SigningKeyException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TufRepositoryTest {

  @TempDir Path dir;

  private final MovableClock clock = new MovableClock(START);
  private final InMemoryRepositoryStore store = new InMemoryRepositoryStore();
  private final MetadataVerifier device = new MetadataVerifier(clock);
  private PassphraseKeyStore keys;
  private TufRepository repository;

  @BeforeEach
  void setUp() {
    keys = Fixture.keyStore(dir.resolve("keys.json"), clock, 3, 1);
    repository = new TufRepository(keys, store, SigningPolicy.defaults(), clock);
  }

  @Test
  void initializeSignsRootOneTwoOfThreeAndEmptyTargetsThatADeviceAccepts() {
    Heads heads = repository.initialize();

    SignedDocument root = heads.requireRoot();
    RootMetadata metadata = root.rootMetadata();
    assertThat(metadata.version()).isEqualTo(1);
    assertThat(metadata.rootRole().keyIds()).hasSize(3);
    assertThat(metadata.rootRole().threshold()).isEqualTo(2);
    assertThat(metadata.targetsRole().threshold()).isEqualTo(1);
    assertThat(metadata.expires()).isEqualTo(START.plus(Duration.ofDays(365)));
    TrustedState state = device.pin(root.bytes());
    state = device.updateTargets(state, heads.requireTargets().bytes());
    assertThat(state.targetsVersion()).isEqualTo(1);
    assertThat(state.targets().orElseThrow().targets()).isEmpty();
    assertThat(state.targets().orElseThrow().expires()).isEqualTo(START.plus(Duration.ofDays(7)));
  }

  @Test
  void aFirstRootFromAKeyStoreThatLivedThroughRotationsTrustsOnlyTheNewestKeys() {
    keys.createKey(KeyPurpose.ROOT);
    String newestTargetsKey = keys.createKey(KeyPurpose.TARGETS).keyId();
    List<String> newestRootKeys =
        keys.keys().stream()
            .filter(k -> k.purpose() == KeyPurpose.ROOT)
            .skip(1)
            .map(k -> k.keyId())
            .toList();

    RootMetadata root = repository.initialize().requireRoot().rootMetadata();

    assertThat(root.rootRole().keyIds()).containsExactlyInAnyOrderElementsOf(newestRootKeys);
    assertThat(root.targetsRole().keyIds()).containsExactly(newestTargetsKey);
    assertThat(root.keys()).hasSize(4);
  }

  @Test
  void initializeTwiceKeepsTheFirstRoot() {
    SignedDocument first = repository.initialize().requireRoot();

    Heads again = repository.initialize();

    assertThat(again.requireRoot()).isEqualTo(first);
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void addTargetsSignsTheNextVersionListingThem() {
    repository.initialize();

    var change = repository.addTargets(List.of(target("vibration", "1.4.0", 1234)));

    assertThat(change.changed()).isTrue();
    assertThat(change.targets().version()).isEqualTo(2);
    TrustedState state = device.pin(repository.heads().requireRoot().bytes());
    state = device.updateTargets(state, change.targets().bytes());
    assertThat(state.target("models/vibration/1.4.0/int8.tar.gz").length()).isEqualTo(1234);
    assertThat(state.target("models/vibration/1.4.0/int8.tar.gz").model()).isEqualTo("vibration");
  }

  @Test
  void addingTheSameTargetAgainMakesNoNewVersion() {
    repository.initialize();
    repository.addTargets(List.of(target("vibration", "1.4.0", 1234)));

    var again = repository.addTargets(List.of(target("vibration", "1.4.0", 1234)));

    assertThat(again.changed()).isFalse();
    assertThat(again.targets().version()).isEqualTo(2);
  }

  @Test
  void addTargetsRefusesANewContentAtASignedPathAndKeepsTheRest() {
    repository.initialize();
    repository.addTargets(List.of(target("vibration", "1.4.0", 1234)));

    assertThatThrownBy(
            () ->
                repository.addTargets(
                    List.of(target("pump", "1.0.0", 10), target("vibration", "1.4.0", 999))))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("models/vibration/1.4.0/int8.tar.gz")
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(ErrorCode.TARGET_CONFLICT);
    TargetsMetadata current = repository.heads().requireTargets().targetsMetadata();
    assertThat(current.version()).isEqualTo(2);
    assertThat(current.targets()).containsOnlyKeys("models/vibration/1.4.0/int8.tar.gz");
  }

  @Test
  void removeTargetsSignsTheNextVersionWithoutThem() {
    repository.initialize();
    repository.addTargets(List.of(target("a", "1", 1), target("b", "1", 2)));

    var change = repository.removeTargets(List.of("models/a/1/int8.tar.gz"));

    assertThat(change.targets().version()).isEqualTo(3);
    assertThat(change.targets().targetsMetadata().targets())
        .containsOnlyKeys("models/b/1/int8.tar.gz");
  }

  @Test
  void removeTargetsRefusesUnknownPathsNamingThem() {
    repository.initialize();
    repository.addTargets(List.of(target("a", "1", 1)));

    assertThatThrownBy(
            () -> repository.removeTargets(List.of("models/a/1/int8.tar.gz", "models/x/9/y")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("models/x/9/y")
        .extracting(e -> ((RegistryException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(repository.heads().requireTargets().version()).isEqualTo(2);
  }

  @Test
  void targetsAreNotResignedBeforeTheMargin() {
    repository.initialize();
    clock.advance(Duration.ofDays(6).minusSeconds(1));

    var result = repository.resignIfDue();

    assertThat(result.targets()).isEmpty();
    assertThat(result.root()).isEmpty();
    assertThat(repository.heads().requireTargets().version()).isEqualTo(1);
  }

  @Test
  void targetsAreResignedWithinTheMarginAsTheNextVersionSoDevicesNeverSeeThemExpire() {
    repository.initialize();
    repository.addTargets(List.of(target("a", "1", 1)));
    TrustedState state = device.pin(repository.heads().requireRoot().bytes());
    state = device.updateTargets(state, repository.heads().requireTargets().bytes());
    clock.advance(Duration.ofDays(6));

    var result = repository.resignIfDue();

    SignedDocument resigned = result.targets().orElseThrow();
    assertThat(resigned.version()).isEqualTo(3);
    assertThat(resigned.expires()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    assertThat(resigned.targetsMetadata().targets()).containsOnlyKeys("models/a/1/int8.tar.gz");
    clock.advance(Duration.ofDays(2));
    byte[] old = store.find(MetadataType.TARGETS, 2).orElseThrow().bytes();
    TrustedState seen = state;
    assertRefused(() -> device.updateTargets(seen, old), ProtocolErrorCode.EXPIRED);
    assertThat(device.updateTargets(state, resigned.bytes()).targetsVersion()).isEqualTo(3);
  }

  @Test
  void rootIsResignedAsTheNextVersionBeforeItExpires() {
    repository.initialize();
    TrustedState state = device.pin(repository.heads().requireRoot().bytes());
    clock.advance(Duration.ofDays(340));

    var result = repository.resignIfDue();

    SignedDocument root = result.root().orElseThrow();
    assertThat(root.version()).isEqualTo(2);
    assertThat(root.rootMetadata().rootRole()).isEqualTo(state.root().rootRole());
    clock.advance(Duration.ofDays(30));
    assertThat(device.updateRoot(state, root.bytes()).root().version()).isEqualTo(2);
  }

  @Test
  void devicePinnedAtRootOneWalksEveryRotationToTheNewest() {
    repository.initialize();
    TrustedState pinned = device.pin(repository.root(1).orElseThrow().bytes());
    repository.addTargets(List.of(target("a", "1", 1)));

    SignedDocument second = repository.rotateRootKeys(3, 2);
    SignedDocument third = repository.rotateRootKeys(5, 3);

    assertThat(second.rootMetadata().rootRole().keyIds())
        .doesNotContainAnyElementsOf(pinned.root().rootRole().keyIds());
    assertThat(third.rootMetadata().rootRole().threshold()).isEqualTo(3);
    List<byte[]> chain = repository.rootsAfter(1).stream().map(SignedDocument::bytes).toList();
    assertThat(chain).hasSize(2);
    TrustedState walked = device.updateRoots(pinned, chain);
    assertThat(walked.root().version()).isEqualTo(3);
    // The targets role did not change, so targets signed before the rotations still verify.
    assertThat(
            device
                .updateTargets(walked, repository.heads().requireTargets().bytes())
                .targetsVersion())
        .isEqualTo(2);
    // Skipping a root is refused by the device: the repository must hand out every one.
    assertRefused(
        () -> device.updateRoot(pinned, third.bytes()), ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED);
  }

  @Test
  void aRotatedRootCarriesTheThresholdOfTheOldAndTheNewRootKeys() {
    repository.initialize();
    RootMetadata old = repository.heads().requireRoot().rootMetadata();

    SignedDocument rotated = repository.rotateRootKeys(3, 2);

    var signers = rotated.envelope().signatures().stream().map(s -> s.keyId()).toList();
    assertThat(signers).containsAll(old.rootRole().keyIds());
    assertThat(signers).containsAll(rotated.rootMetadata().rootRole().keyIds());
  }

  @Test
  void rotationIsRefusedWhenTheKeyStoreHoldsTooFewOldRootKeys() {
    repository.initialize();
    // A second key store holding one root key of the first root only: below the threshold of 2.
    PassphraseKeyStore partial = Fixture.keyStore(dir.resolve("partial.json"), clock, 0, 0);
    var oneOldKey = new OneKeyBackend(keys, keys.keys().get(0).keyId(), partial);
    TufRepository short1 = new TufRepository(oneOldKey, store, SigningPolicy.defaults(), clock);
    long keysBefore = partial.keys().size();

    assertThatThrownBy(() -> short1.rotateRootKeys(3, 2))
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("holds 1 of the root keys of root version 1 and 2 must sign");
    assertThat(repository.heads().requireRoot().version()).isEqualTo(1);
    assertThat(partial.keys()).hasSize((int) keysBefore);
  }

  @Test
  void targetsKeyRotationIsAcceptedByDevicesAndTheOldKeyNoLongerCounts() {
    repository.initialize();
    repository.addTargets(List.of(target("a", "1", 1)));
    TrustedState state = device.pin(repository.heads().requireRoot().bytes());
    state = device.updateTargets(state, repository.heads().requireTargets().bytes());
    byte[] signedByOldKey = repository.heads().requireTargets().bytes();

    var rotation = repository.rotateTargetsKeys(1, 1);

    assertThat(rotation.root().version()).isEqualTo(2);
    assertThat(rotation.targets().version()).isEqualTo(3);
    TrustedState walked = device.updateRoot(state, rotation.root().bytes());
    assertThat(device.updateTargets(walked, rotation.targets().bytes()).targetsVersion())
        .isEqualTo(3);
    assertRefused(
        () -> device.updateTargets(walked, signedByOldKey), ProtocolErrorCode.UNKNOWN_KEY);
    assertThat(keys.keys().stream().filter(k -> k.purpose() == KeyPurpose.TARGETS)).hasSize(2);
  }

  @Test
  void aRestartedRepositoryContinuesWithIncreasingVersions() {
    repository.initialize();
    repository.addTargets(List.of(target("a", "1", 1)));

    PassphraseKeyStore reopened = PassphraseKeyStore.open(keys.file(), Fixture.PASSPHRASE, clock);
    TufRepository restarted = new TufRepository(reopened, store, SigningPolicy.defaults(), clock);
    restarted.initialize();
    var change = restarted.addTargets(List.of(target("b", "1", 1)));

    assertThat(change.targets().version()).isEqualTo(3);
    assertThat(change.targets().targetsMetadata().targets()).hasSize(2);
  }

  @Test
  void initializeRefusesAKeyStoreWithTooFewRootKeys() {
    PassphraseKeyStore oneRootKey = Fixture.keyStore(dir.resolve("one.json"), clock, 1, 1);
    TufRepository tooFew =
        new TufRepository(
            oneRootKey, new InMemoryRepositoryStore(), SigningPolicy.defaults(), clock);

    assertThatThrownBy(tooFew::initialize)
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("holds 1 root keys but the first root needs at least 2");
  }

  @Test
  void initializeRefusesAKeyStoreWithoutTheCurrentTargetsKey() {
    repository.initialize();
    PassphraseKeyStore other = Fixture.keyStore(dir.resolve("other.json"), clock, 3, 1);

    assertThatThrownBy(
            () -> new TufRepository(other, store, SigningPolicy.defaults(), clock).initialize())
        .isInstanceOf(SigningKeyException.class)
        .hasMessageContaining("cannot sign targets")
        .hasMessageContaining("holds 0 of the targets keys of root version 1");
  }

  static void assertRefused(Runnable action, ProtocolErrorCode code) {
    assertThatThrownBy(action::run)
        .isInstanceOf(ProtocolException.class)
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(code);
  }
}
