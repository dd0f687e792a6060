package dev.tandem.registry.signing.repository;

import dev.tandem.protocol.signing.metadata.MetadataType;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One signed metadata document as the repository publishes it: the exact envelope bytes devices
 * receive, with the version and expiry read from them.
 *
 * @param type root or targets
 * @param version the metadata version
 * @param expires when the document stops being trusted
 * @param bytes the envelope, canonical UTF-8 JSON; copied in and out
 */
public record SignedDocument(MetadataType type, long version, Instant expires, byte[] bytes) {

  public SignedDocument {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(expires, "expires");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, got " + version);
    }
    bytes = Objects.requireNonNull(bytes, "bytes").clone();
  }

  /** A document for a signed root envelope. */
  static SignedDocument root(SignedEnvelope envelope) {
    RootMetadata root = RootMetadata.fromJson(envelope.signed());
    return new SignedDocument(
        MetadataType.ROOT, root.version(), root.expires(), envelope.toBytes());
  }

  /** A document for a signed targets envelope. */
  static SignedDocument targets(SignedEnvelope envelope) {
    TargetsMetadata targets = TargetsMetadata.fromJson(envelope.signed());
    return new SignedDocument(
        MetadataType.TARGETS, targets.version(), targets.expires(), envelope.toBytes());
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The parsed envelope. */
  public SignedEnvelope envelope() {
    return SignedEnvelope.parse(bytes, type.typeName() + " version " + version);
  }

  /** The root metadata this document signs; only for root documents. */
  public RootMetadata rootMetadata() {
    requireType(MetadataType.ROOT);
    return RootMetadata.fromJson(envelope().signed());
  }

  /** The targets metadata this document signs; only for targets documents. */
  public TargetsMetadata targetsMetadata() {
    requireType(MetadataType.TARGETS);
    return TargetsMetadata.fromJson(envelope().signed());
  }

  private void requireType(MetadataType expected) {
    if (type != expected) {
      throw new IllegalStateException("document is " + type + ", not " + expected);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignedDocument other
        && type == other.type
        && version == other.version
        && expires.equals(other.expires)
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, version, expires, Arrays.hashCode(bytes));
  }

  @Override
  public String toString() {
    return "SignedDocument[" + type.typeName() + " v" + version + ", expires " + expires + "]";
  }
}
