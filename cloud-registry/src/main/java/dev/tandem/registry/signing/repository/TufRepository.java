package dev.tandem.registry.signing.repository;

import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.protocol.signing.metadata.RoleKeys;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.signing.keys.KeyPurpose;
import dev.tandem.registry.signing.keys.SigningBackend;
import dev.tandem.registry.signing.keys.SigningKey;
import dev.tandem.registry.signing.keys.SigningKeyException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A TUF-style repository with two roles, root and targets, signed through a {@link SigningBackend}
 * and kept in a {@link RepositoryStore}. Every change appends the next version of a document; every
 * new document is checked with the device-side {@link MetadataVerifier} before it is stored, so the
 * repository never publishes what a device would refuse.
 */
public final class TufRepository {

  private final SigningBackend backend;
  private final RepositoryStore store;
  private final SigningPolicy policy;
  private final InstantSource clock;
  private final DocumentSigner signer;

  public TufRepository(
      SigningBackend backend, RepositoryStore store, SigningPolicy policy, InstantSource clock) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.store = Objects.requireNonNull(store, "store");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.signer = new DocumentSigner(backend, clock);
  }

  /**
   * Creates root version 1 (from the backend's root keys) and an empty targets version 1 if the
   * store is empty; otherwise checks that the backend can sign the current targets role.
   *
   * @return the heads after initialisation
   * @throws SigningKeyException with {@code MISSING_KEY} if the backend holds too few keys
   */
  public Heads initialize() {
    return store.update(
        heads -> {
          if (heads.root().isPresent()) {
            RootMetadata root = heads.requireRoot().rootMetadata();
            signer.signers(root, MetadataType.TARGETS, "sign targets");
            return RepositoryStore.Appended.nothing(heads);
          }
          Instant now = clock.instant();
          RootMetadata root =
              RootMetadata.create(
                  1,
                  now.plus(policy.rootExpiry()),
                  newestKeys(KeyPurpose.ROOT, policy.rootKeys(), policy.rootThreshold()),
                  policy.rootThreshold(),
                  newestKeys(KeyPurpose.TARGETS, policy.targetsKeys(), policy.targetsThreshold()),
                  policy.targetsThreshold());
          SignedDocument rootDoc = signer.signRoot(root, Optional.empty());
          SignedDocument targetsDoc =
              signer.signTargets(root, TargetsMetadata.create(1, expiresTargets(), List.of()), 0);
          return new RepositoryStore.Appended<>(
              List.of(rootDoc, targetsDoc),
              new Heads(Optional.of(rootDoc), Optional.of(targetsDoc)));
        });
  }

  /** The newest root and targets. */
  public Heads heads() {
    return store.heads();
  }

  /** {@link RepositoryStore#recentHeads()}. */
  public Heads recentHeads() {
    return store.recentHeads();
  }

  /** The root with this version, if there is one. */
  public Optional<SignedDocument> root(long version) {
    return store.find(MetadataType.ROOT, version);
  }

  /** Every root newer than {@code version}, ascending: what a device pinned there must apply. */
  public List<SignedDocument> rootsAfter(long version) {
    return store.rootsAfter(version);
  }

  /**
   * Lists {@code targets} in a new targets version. A target already listed with the same length,
   * hash and model fields is left as it is; if nothing is new, no version is made.
   *
   * @throws RegistryException with {@link ErrorCode#TARGET_CONFLICT} if a path is already listed
   *     with different content (the whole request is refused)
   */
  public TargetsChange addTargets(Collection<TargetInfo> targets) {
    Objects.requireNonNull(targets, "targets");
    return store.update(
        heads -> {
          SignedDocument current = heads.requireTargets();
          TargetsMetadata metadata = current.targetsMetadata();
          Map<String, TargetInfo> next = new LinkedHashMap<>(metadata.targets());
          List<String> added = new ArrayList<>();
          for (TargetInfo target : targets) {
            TargetInfo existing = next.get(target.path());
            if (existing == null) {
              next.put(target.path(), target);
              added.add(target.path());
            } else if (!existing.equals(target)) {
              throw new RegistryException(
                  ErrorCode.TARGET_CONFLICT,
                  "target '"
                      + target.path()
                      + "' is already signed with length "
                      + existing.length()
                      + " and sha256 "
                      + existing.sha256()
                      + "; a signed path never changes content, publish under a new path");
            }
          }
          if (added.isEmpty()) {
            return RepositoryStore.Appended.nothing(new TargetsChange(current, List.of(), false));
          }
          SignedDocument signed = nextTargets(heads, next.values());
          return new RepositoryStore.Appended<>(
              List.of(signed), new TargetsChange(signed, added, true));
        });
  }

  /**
   * Removes targets by path in a new targets version.
   *
   * @throws RegistryException with {@link ErrorCode#NOT_FOUND} naming every path that is not listed
   *     (the whole request is refused)
   */
  public TargetsChange removeTargets(Collection<String> paths) {
    Objects.requireNonNull(paths, "paths");
    return store.update(
        heads -> {
          SignedDocument current = heads.requireTargets();
          Map<String, TargetInfo> next = new LinkedHashMap<>(current.targetsMetadata().targets());
          List<String> unknown = paths.stream().filter(p -> !next.containsKey(p)).toList();
          if (!unknown.isEmpty()) {
            throw new RegistryException(
                ErrorCode.NOT_FOUND,
                "targets version "
                    + current.version()
                    + " does not list "
                    + String.join(", ", unknown));
          }
          List<String> removed = new ArrayList<>(new LinkedHashSet<>(paths));
          if (removed.isEmpty()) {
            return RepositoryStore.Appended.nothing(new TargetsChange(current, List.of(), false));
          }
          removed.forEach(next::remove);
          SignedDocument signed = nextTargets(heads, next.values());
          return new RepositoryStore.Appended<>(
              List.of(signed), new TargetsChange(signed, removed, true));
        });
  }

  /**
   * Signs the root and the targets again, each as its next version with a fresh expiry, if it
   * expires within its re-sign margin. A root whose keys the backend lacks (kept offline) is left
   * alone and reported.
   */
  public ResignResult resignIfDue() {
    return store.update(
        heads -> {
          Instant now = clock.instant();
          SignedDocument rootDoc = heads.requireRoot();
          RootMetadata root = rootDoc.rootMetadata();
          List<SignedDocument> appended = new ArrayList<>();
          Optional<SignedDocument> newRoot = Optional.empty();
          Optional<String> rootProblem = Optional.empty();
          if (!now.isBefore(root.expires().minus(policy.rootResignMargin()))) {
            try {
              RootMetadata next =
                  new RootMetadata(
                      root.version() + 1,
                      now.plus(policy.rootExpiry()),
                      root.specVersion(),
                      root.consistentSnapshot(),
                      root.keys(),
                      root.rootRole(),
                      root.targetsRole());
              SignedDocument signed = signer.signRoot(next, Optional.of(rootDoc));
              appended.add(signed);
              newRoot = Optional.of(signed);
              root = next;
            } catch (SigningKeyException e) {
              rootProblem = Optional.of(e.getMessage());
            }
          }
          Optional<SignedDocument> newTargets = Optional.empty();
          SignedDocument targetsDoc = heads.requireTargets();
          if (!now.isBefore(targetsDoc.expires().minus(policy.targetsResignMargin()))) {
            TargetsMetadata next =
                TargetsMetadata.create(
                    targetsDoc.version() + 1,
                    expiresTargets(),
                    targetsDoc.targetsMetadata().targets().values());
            SignedDocument signed = signer.signTargets(root, next, targetsDoc.version());
            appended.add(signed);
            newTargets = Optional.of(signed);
          }
          return new RepositoryStore.Appended<>(
              appended, new ResignResult(newRoot, newTargets, rootProblem));
        });
  }

  /**
   * Replaces the root keys: creates {@code newKeys} root keys in the backend and publishes the next
   * root trusting only them, signed by the threshold of the old root keys and of the new ones.
   *
   * @throws IllegalArgumentException if the threshold is not between 1 and {@code newKeys}
   * @throws SigningKeyException with {@code MISSING_KEY} if the backend lacks the old root keys
   */
  public SignedDocument rotateRootKeys(int newKeys, int threshold) {
    requireKeys(newKeys, threshold);
    // Fail before creating keys that would never be used.
    RootMetadata before = store.heads().requireRoot().rootMetadata();
    signer.signers(before, MetadataType.ROOT, "sign the next root");
    List<MetadataKey> created = createKeys(KeyPurpose.ROOT, newKeys);
    return store.update(
        heads -> {
          SignedDocument rootDoc = heads.requireRoot();
          RootMetadata root = rootDoc.rootMetadata();
          List<MetadataKey> targetsKeys = roleKeys(root, root.targetsRole());
          RootMetadata next =
              RootMetadata.create(
                  root.version() + 1,
                  clock.instant().plus(policy.rootExpiry()),
                  created,
                  threshold,
                  targetsKeys,
                  root.targetsRole().threshold());
          SignedDocument signed = signer.signRoot(next, Optional.of(rootDoc));
          return new RepositoryStore.Appended<>(List.of(signed), signed);
        });
  }

  /**
   * Replaces the targets keys: creates {@code newKeys} targets keys, publishes the next root
   * trusting them for targets, and signs the targets again with them as the next targets version.
   *
   * @throws IllegalArgumentException if the threshold is not between 1 and {@code newKeys}
   * @throws SigningKeyException with {@code MISSING_KEY} if the backend lacks the root keys
   */
  public KeyRotation rotateTargetsKeys(int newKeys, int threshold) {
    requireKeys(newKeys, threshold);
    RootMetadata before = store.heads().requireRoot().rootMetadata();
    signer.signers(before, MetadataType.ROOT, "sign the next root");
    List<MetadataKey> created = createKeys(KeyPurpose.TARGETS, newKeys);
    return store.update(
        heads -> {
          SignedDocument rootDoc = heads.requireRoot();
          RootMetadata root = rootDoc.rootMetadata();
          RootMetadata next =
              RootMetadata.create(
                  root.version() + 1,
                  root.expires(),
                  roleKeys(root, root.rootRole()),
                  root.rootRole().threshold(),
                  created,
                  threshold);
          SignedDocument signedRoot = signer.signRoot(next, Optional.of(rootDoc));
          SignedDocument targetsDoc = heads.requireTargets();
          SignedDocument signedTargets =
              signer.signTargets(
                  next,
                  TargetsMetadata.create(
                      targetsDoc.version() + 1,
                      expiresTargets(),
                      targetsDoc.targetsMetadata().targets().values()),
                  0);
          return new RepositoryStore.Appended<>(
              List.of(signedRoot, signedTargets), new KeyRotation(signedRoot, signedTargets));
        });
  }

  private SignedDocument nextTargets(Heads heads, Collection<TargetInfo> targets) {
    SignedDocument current = heads.requireTargets();
    RootMetadata root = heads.requireRoot().rootMetadata();
    TargetsMetadata next = TargetsMetadata.create(current.version() + 1, expiresTargets(), targets);
    return signer.signTargets(root, next, current.version());
  }

  private Instant expiresTargets() {
    return clock.instant().plus(policy.targetsExpiry());
  }

  /**
   * The newest {@code count} keys of {@code purpose} (the backend lists keys oldest first): a key
   * store that lived through rotations also holds retired keys, which a first root must not trust.
   */
  private List<MetadataKey> newestKeys(KeyPurpose purpose, int count, int threshold) {
    List<MetadataKey> all =
        backend.keys().stream()
            .filter(k -> k.purpose() == purpose)
            .map(SigningKey::publicKey)
            .toList();
    List<MetadataKey> keys = all.subList(Math.max(0, all.size() - count), all.size());
    if (keys.size() < threshold) {
      throw new SigningKeyException(
          SigningKeyException.Reason.MISSING_KEY,
          backend.describe()
              + " holds "
              + keys.size()
              + " "
              + purpose.label()
              + " keys but the first root needs at least "
              + threshold
              + " (the "
              + purpose.label()
              + " threshold)");
    }
    return keys;
  }

  private List<MetadataKey> createKeys(KeyPurpose purpose, int count) {
    List<MetadataKey> created = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      created.add(backend.createKey(purpose).publicKey());
    }
    return created;
  }

  private static List<MetadataKey> roleKeys(RootMetadata root, RoleKeys role) {
    return role.keyIds().stream().map(id -> root.keys().get(id)).toList();
  }

  private static void requireKeys(int keys, int threshold) {
    if (keys < 1 || keys > 16) {
      throw new IllegalArgumentException("keys must be between 1 and 16, got " + keys);
    }
    if (threshold < 1 || threshold > keys) {
      throw new IllegalArgumentException(
          "threshold must be between 1 and keys (" + keys + "), got " + threshold);
    }
  }
}
