package dev.tandem.sandbox.demo;

import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.probe.Probes;

/**
 * Proves a server is up by a real request: produce/consume, publish/subscribe, put/get, a query.
 */
final class ServerAnswersStep implements DemoStep {
  private final ServerKind kind;

  ServerAnswersStep(ServerKind kind) {
    this.kind = kind;
  }

  ServerKind kind() {
    return kind;
  }

  @Override
  public String name() {
    return kind.key() + " answers a real request";
  }

  @Override
  public String run(Sandbox sandbox) {
    var result = Probes.of(sandbox.stack(), kind).run();
    if (!result.ok()) {
      throw new IllegalStateException(result.detail());
    }
    return result.detail();
  }
}
