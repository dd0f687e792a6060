package dev.tandem.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit log through {@code GET /api/v1/audit} as a viewer, for tests that check a change
 * was recorded. Always by target: the tests of one application share its database.
 */
public final class AuditEntries {

  private AuditEntries() {}

  /** The entries about {@code target}, newest first (the first 100). */
  public static List<Map<String, Object>> about(String target) {
    return TestTokens.as(Roles.VIEWER)
        .queryParam("target", target)
        .queryParam("limit", 100)
        .get("/api/v1/audit")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("entries");
  }

  /**
   * Asserts that the newest entry about {@code target} recording {@code action} names {@code
   * actor}; answers it for further checks of its detail.
   */
  public static Map<String, Object> assertRecorded(String target, String action, String actor) {
    List<Map<String, Object>> entries = about(target);
    Map<String, Object> entry =
        entries.stream()
            .filter(e -> action.equals(e.get("action")))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no " + action + " entry about " + target + " among " + entries));
    assertThat(entry.get("actor")).as(action + " of " + target + ": actor").isEqualTo(actor);
    assertThat(entry.get("target")).isEqualTo(target);
    return entry;
  }

  /** The detail of an entry {@link #about} or {@link #assertRecorded} answered. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> detail(Map<String, Object> entry) {
    return (Map<String, Object>) entry.get("detail");
  }
}
