package dev.tandem.registry.audit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/audit/notes}: an operator's remark about something in the fleet,
 * e.g. "replaced the vibration sensor" on {@code device/pump-17}. Its actor is the caller.
 */
public record NoteRequest(
    @NotBlank @Size(max = AuditLog.MAX_NAME_LENGTH) String target,
    @NotBlank @Size(max = NoteRequest.MAX_NOTE_LENGTH) String note) {

  /** The longest note accepted, in characters. */
  public static final int MAX_NOTE_LENGTH = 4000;
}
