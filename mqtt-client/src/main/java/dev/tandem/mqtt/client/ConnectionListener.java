package dev.tandem.mqtt.client;

import java.util.Objects;
import java.util.function.Consumer;

/** What a {@link ReconnectingMqttClient}'s owner does when the connection comes and goes. */
public interface ConnectionListener {
  /** The client connected, the first time or again after a loss. */
  void connected();

  /**
   * The client lost a connection that was up, and not by its own disconnect; it is already trying
   * to reconnect.
   */
  void lost(Throwable cause);

  /** A listener from two callbacks, for the usual case of a log line each. */
  static ConnectionListener of(Runnable onConnected, Consumer<Throwable> onLost) {
    Objects.requireNonNull(onConnected, "onConnected");
    Objects.requireNonNull(onLost, "onLost");
    return new ConnectionListener() {
      @Override
      public void connected() {
        onConnected.run();
      }

      @Override
      public void lost(Throwable cause) {
        onLost.accept(cause);
      }
    };
  }
}
