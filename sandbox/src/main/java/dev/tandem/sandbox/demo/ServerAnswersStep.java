package dev.tandem.sandbox.demo;

import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.probe.Probes;
import java.util.Optional;

/**
 * Proves a server is up by a real request: produce/consume, publish/subscribe, put/get, a query.
 */
final class ServerAnswersStep implements DemoStep {
  private final ServerKind kind;

  ServerAnswersStep(ServerKind kind) {
    this.kind = kind;
  }

  @Override
  public Optional<String> component() {
    return Optional.of(kind.key());
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
