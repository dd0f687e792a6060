package dev.tandem.sandbox.demo;

import dev.tandem.sandbox.run.Sandbox;
import java.util.Optional;

/** One step of the demo scenario. */
public interface DemoStep {
  /** A short name, shown in progress and in the report. */
  String name();

  /**
   * Runs the step against a running sandbox.
   *
   * @return what the step proved, for the report
   * @throws Exception when the step failed; its message becomes the report's detail
   */
  String run(Sandbox sandbox) throws Exception;

  /** The component (server or service) this step proves up when it passes, if any. */
  default Optional<String> component() {
    return Optional.empty();
  }
}
