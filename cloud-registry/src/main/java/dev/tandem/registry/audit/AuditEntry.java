package dev.tandem.registry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change.
 *
 * @param id increasing in the order entries were recorded
 * @param at when, as the database's clock saw it
 * @param actor who made the change: a user, a service, a device
 * @param action what was done, e.g. {@code note} or {@code model.registered}
 * @param target what it was done to, e.g. {@code device/pump-17} or {@code model/anomaly@3}
 * @param detail anything else, as a JSON object; may be {@code null}
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, String target, JsonNode detail) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
  }
}
