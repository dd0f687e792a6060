package dev.tandem.registry.signing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.registry.audit.AuditLog;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.signing.keys.SigningKeyException;
import dev.tandem.registry.signing.repository.Heads;
import dev.tandem.registry.signing.repository.KeyRotation;
import dev.tandem.registry.signing.repository.ResignResult;
import dev.tandem.registry.signing.repository.SignedDocument;
import dev.tandem.registry.signing.repository.TargetsChange;
import dev.tandem.registry.signing.repository.TufRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The signing repository as the rest of the control plane uses it: published metadata, and changes
 * that are audited with who made them. The rollout engine adds targets through {@link #addTargets}.
 */
@ApplicationScoped
public class SigningService {

  /** The actor recorded for changes the re-sign scheduler makes. */
  public static final String SCHEDULER = "system:signing-scheduler";

  /** The audit target of every signing change. */
  public static final String AUDIT_TARGET = "signing";

  private static final Logger LOG = Logger.getLogger(SigningService.class);

  private final TufRepository repository;
  private final AuditLog audit;

  SigningService(TufRepository repository, AuditLog audit) {
    this.repository = repository;
    this.audit = audit;
  }

  /** Creates the first root and targets on a fresh database; fails startup naming what is wrong. */
  void onStart(@Observes StartupEvent event) {
    Heads heads = keys(repository::initialize);
    LOG.infof(
        "signing: root version %d, targets version %d",
        heads.requireRoot().version(), heads.requireTargets().version());
  }

  /** The newest root. */
  public SignedDocument latestRoot() {
    return repository.heads().requireRoot();
  }

  /** The root with this version, if there is one. */
  public Optional<SignedDocument> root(long version) {
    return repository.root(version);
  }

  /** Every root newer than {@code version}, ascending. */
  public List<SignedDocument> rootsAfter(long version) {
    return repository.rootsAfter(version);
  }

  /** The newest root and targets, read together (one round trip). */
  public Heads heads() {
    return repository.heads();
  }

  /**
   * The newest root and targets for the fleet's reads: at most a second old when another instance
   * signed, current when this one did.
   */
  public Heads recentHeads() {
    return repository.recentHeads();
  }

  /** The newest targets. */
  public SignedDocument targets() {
    return repository.heads().requireTargets();
  }

  /**
   * Lists targets in a new signed targets version and audits it; a no-op if all are listed.
   *
   * @return the newest targets after the change
   * @throws RegistryException with {@link ErrorCode#TARGET_CONFLICT} if a path is signed with other
   *     content
   */
  public TargetsChange addTargets(Collection<TargetInfo> targets, String actor) {
    var change = keys(() -> repository.addTargets(targets));
    if (change.changed()) {
      audit(actor, "signing.targets.added", change.targets(), change.paths());
    }
    return change;
  }

  /** Removes targets by path in a new signed targets version, and audits it. */
  public TargetsChange removeTargets(Collection<String> paths, String actor) {
    var change = keys(() -> repository.removeTargets(paths));
    if (change.changed()) {
      audit(actor, "signing.targets.removed", change.targets(), change.paths());
    }
    return change;
  }

  /** Replaces the root keys with {@code keys} new ones; audited. */
  public SignedDocument rotateRootKeys(int keys, int threshold, String actor) {
    SignedDocument root = keys(() -> repository.rotateRootKeys(keys, threshold));
    audit(actor, "signing.root.rotated", root, List.of());
    return root;
  }

  /** Replaces the targets keys with {@code keys} new ones; audited. */
  public KeyRotation rotateTargetsKeys(int keys, int threshold, String actor) {
    var rotation = keys(() -> repository.rotateTargetsKeys(keys, threshold));
    audit(actor, "signing.targets-keys.rotated", rotation.root(), List.of());
    audit(actor, "signing.targets.resigned", rotation.targets(), List.of());
    return rotation;
  }

  /** Signs whatever is due again; audited as the scheduler. */
  public ResignResult resignIfDue() {
    var result = keys(repository::resignIfDue);
    result.root().ifPresent(root -> audit(SCHEDULER, "signing.root.resigned", root, List.of()));
    result
        .targets()
        .ifPresent(targets -> audit(SCHEDULER, "signing.targets.resigned", targets, List.of()));
    result
        .rootProblem()
        .ifPresent(problem -> LOG.warnf("signing: the root is due for re-signing but %s", problem));
    return result;
  }

  private void audit(String actor, String action, SignedDocument document, List<String> paths) {
    ObjectNode detail =
        JsonNodeFactory.instance
            .objectNode()
            .put("role", document.type().typeName())
            .put("version", document.version())
            .put("expires", document.expires().toString());
    if (!paths.isEmpty()) {
      paths.forEach(detail.putArray("paths")::add);
    }
    audit.record(actor, action, AUDIT_TARGET, detail);
  }

  /** Missing signing keys at request time are the server's problem, reported as such. */
  private static <T> T keys(Supplier<T> work) {
    try {
      return work.get();
    } catch (SigningKeyException e) {
      LOG.error("signing failed: " + e.getMessage());
      throw new RegistryException(
          ErrorCode.SIGNING_KEYS_UNAVAILABLE,
          "the signing keys for this change are not available; an administrator must check the"
              + " key store (see the server log)",
          e);
    }
  }
}
