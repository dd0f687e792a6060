package dev.tandem.registry.audit;

import java.util.List;

/**
 * A page of the audit log, newest first.
 *
 * @param entries at most the requested number
 * @param nextBefore the {@code before} value that gets the next, older page; {@code null} on the
 *     last page
 */
public record AuditPage(List<AuditEntry> entries, Long nextBefore) {
  public AuditPage {
    entries = List.copyOf(entries);
  }
}
