package dev.tandem.deploy.health;

import java.util.Objects;

/**
 * What a health gate decided, and why.
 *
 * @param passed whether the wave may advance
 * @param reason a sentence an operator can act on, e.g. {@code mean latency 9.1 ms on the new
 *     version vs 5.0 ms on the old: +82% > +25%}
 */
public record GateVerdict(boolean passed, String reason) {
  public GateVerdict {
    Objects.requireNonNull(reason, "reason");
  }

  static GateVerdict pass(String reason) {
    return new GateVerdict(true, reason);
  }

  static GateVerdict fail(String reason) {
    return new GateVerdict(false, reason);
  }
}
