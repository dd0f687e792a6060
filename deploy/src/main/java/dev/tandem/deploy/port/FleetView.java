package dev.tandem.deploy.port;

import java.util.List;

/** The host's device registry, as the engine needs it. */
public interface FleetView {

  /**
   * The active devices {@code selector} selects, with what they run of {@code model}, in one call
   * (the engine calls it for thousands of devices).
   *
   * @throws IllegalArgumentException if the selector does not parse; the message says where
   */
  List<TargetDevice> select(String selector, String model);
}
