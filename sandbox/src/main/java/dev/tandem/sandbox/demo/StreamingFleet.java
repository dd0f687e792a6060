package dev.tandem.sandbox.demo;

import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.sandbox.fleet.EnrolledFleet;
import dev.tandem.sandbox.run.Sandbox;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * The small fleets the streaming steps run: enrolled like every device (the sandbox's broker admits
 * only enrolled devices, each on its own topics), in a group of their own so rollouts leave them
 * alone.
 */
final class StreamingFleet {
  static final String GROUP = "demo-streams";

  private StreamingFleet() {}

  static EnrolledFleet start(Sandbox sandbox, FleetSpec spec)
      throws IOException, InterruptedException {
    return EnrolledFleet.start(
        sandbox.admin(),
        spec,
        ModelDemo.HARDWARE,
        GROUP,
        new PrintStream(OutputStream.nullOutputStream()));
  }
}
