package dev.tandem.mqtt.client;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link ReconnectingMqttClient}'s owner does when the connection comes and goes, usually a
 * log line each.
 *
 * @param connected called when the client connected, the first time or again after a loss
 * @param lost called with the cause when a connection that was up dropped, and not by the owner's
 *     own disconnect; the client is already trying to reconnect
 */
public record ConnectionListener(Runnable connected, Consumer<Throwable> lost) {
  public ConnectionListener {
    Objects.requireNonNull(connected, "connected");
    Objects.requireNonNull(lost, "lost");
  }
}
