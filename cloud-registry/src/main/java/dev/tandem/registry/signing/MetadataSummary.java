package dev.tandem.registry.signing;

import dev.tandem.registry.signing.repository.SignedDocument;
import java.time.Instant;
import java.util.List;

/**
 * What a signing change produced, without the document itself (fetch that from {@code
 * /api/v1/signing/root} or {@code /targets}).
 *
 * @param role root or targets
 * @param version the newest version of the role
 * @param expires when that version expires
 * @param paths for targets changes: the paths added or removed
 * @param changed whether a new version was signed
 */
public record MetadataSummary(
    String role, long version, Instant expires, List<String> paths, boolean changed) {

  static MetadataSummary of(SignedDocument document, List<String> paths, boolean changed) {
    return new MetadataSummary(
        document.type().typeName(), document.version(), document.expires(), paths, changed);
  }
}
