package dev.tandem.registry.device.selector;

import java.util.List;

/**
 * A parsed device selector: devices that meet every requirement. Parse one with {@link
 * SelectorParser}; the syntax is in docs/provisioning.md.
 *
 * @param requirements all must hold; none selects every device
 */
public record Selector(List<Requirement> requirements) {

  /** Selects every device. */
  public static final Selector ALL = new Selector(List.of());

  public Selector {
    requirements = List.copyOf(requirements);
  }
}
