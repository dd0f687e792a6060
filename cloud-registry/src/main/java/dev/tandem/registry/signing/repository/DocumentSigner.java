package dev.tandem.registry.signing.repository;

import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.signing.MetadataSigner;
import dev.tandem.protocol.signing.MetadataSigning;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.protocol.signing.metadata.RoleKeys;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import dev.tandem.registry.signing.keys.SigningBackend;
import dev.tandem.registry.signing.keys.SigningKeyException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signs root and targets documents with every key the backend holds for the role, and checks each
 * with the device-side {@link MetadataVerifier} before handing it out.
 */
final class DocumentSigner {

  private final SigningBackend backend;
  private final InstantSource clock;

  DocumentSigner(SigningBackend backend, InstantSource clock) {
    this.backend = backend;
    this.clock = clock;
  }

  /** Signs {@code root}; a rotation from {@code previous} needs both roots' thresholds. */
  SignedDocument signRoot(RootMetadata root, Optional<SignedDocument> previous) {
    Map<String, MetadataSigner> signers = new LinkedHashMap<>();
    String purpose = "sign root version " + root.version();
    previous.ifPresent(
        p ->
            signers(p.rootMetadata(), MetadataType.ROOT, purpose)
                .forEach(s -> signers.put(s.keyId(), s)));
    signers(root, MetadataType.ROOT, purpose).forEach(s -> signers.put(s.keyId(), s));
    SignedEnvelope envelope = MetadataSigning.sign(root, List.copyOf(signers.values()));
    SignedDocument document = SignedDocument.root(envelope);
    MetadataVerifier verifier = new MetadataVerifier(clock);
    selfCheck(
        "root version " + root.version(),
        () -> {
          if (previous.isEmpty()) {
            verifier.pin(document.bytes());
          } else {
            verifier.updateRoot(TrustedState.of(previous.get().rootMetadata()), document.bytes());
          }
        });
    return document;
  }

  SignedDocument signTargets(RootMetadata root, TargetsMetadata targets, long seen) {
    SignedEnvelope envelope =
        MetadataSigning.sign(
            targets,
            signers(root, MetadataType.TARGETS, "sign targets version " + targets.version()));
    SignedDocument document = SignedDocument.targets(envelope);
    selfCheck(
        "targets version " + targets.version(),
        () ->
            new MetadataVerifier(clock)
                .updateTargets(
                    TrustedState.of(root).withTargetsVersionFloor(seen), document.bytes()));
    return document;
  }

  private static void selfCheck(String what, Runnable check) {
    try {
      check.run();
    } catch (ProtocolException e) {
      throw new IllegalStateException(
          "the repository signed " + what + " but a device would refuse it: " + e, e);
    }
  }

  /** Every key of {@code type}'s role that the backend holds; at least the threshold. */
  List<MetadataSigner> signers(RootMetadata root, MetadataType type, String purpose) {
    RoleKeys role = root.role(type);
    List<MetadataSigner> held = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String keyId : role.keyIds()) {
      if (backend.key(keyId).isPresent()) {
        held.add(backend.signer(keyId));
      } else {
        missing.add(keyId);
      }
    }
    if (held.size() < role.threshold()) {
      throw new SigningKeyException(
          SigningKeyException.Reason.MISSING_KEY,
          "cannot "
              + purpose
              + ": "
              + backend.describe()
              + " holds "
              + held.size()
              + " of the "
              + type.typeName()
              + " keys of root version "
              + root.version()
              + " and "
              + role.threshold()
              + " must sign; missing key ids "
              + String.join(", ", missing));
    }
    return held;
  }
}
