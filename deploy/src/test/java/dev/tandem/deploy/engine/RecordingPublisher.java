package dev.tandem.deploy.engine;

import dev.tandem.deploy.port.DesiredChange;
import dev.tandem.deploy.port.DesiredPublisher;
import java.util.ArrayList;
import java.util.List;

/** Keeps every published change; can be made to fail. */
final class RecordingPublisher implements DesiredPublisher {
  final List<DesiredChange> published = new ArrayList<>();
  boolean failing;

  @Override
  public void publish(List<DesiredChange> changes) {
    if (failing) {
      throw new IllegalStateException("broker down");
    }
    published.addAll(changes);
  }

  /** Everything published since the last call. */
  List<DesiredChange> take() {
    List<DesiredChange> out = List.copyOf(published);
    published.clear();
    return out;
  }
}
