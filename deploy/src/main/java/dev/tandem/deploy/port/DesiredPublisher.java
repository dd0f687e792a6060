package dev.tandem.deploy.port;

import java.util.List;

/** Makes devices' desired state what the engine decided. */
public interface DesiredPublisher {

  /**
   * Records every change durably (so that a device asking for its desired state gets it) and hands
   * each device its new desired state (retained, so a device offline now gets it when it returns).
   * Called once per tick with every change of one rollout: batch the work.
   *
   * @throws RuntimeException if the changes could not be recorded; the engine then forgets the
   *     tick's decisions for that rollout and takes them again at the next tick
   */
  void publish(List<DesiredChange> changes);
}
