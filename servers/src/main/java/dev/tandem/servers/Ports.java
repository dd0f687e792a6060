package dev.tandem.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks on the loopback interface, where every embedded server binds. */
public final class Ports {
  public static final String LOOPBACK = "127.0.0.1";

  private Ports() {}

  /**
   * Returns {@code port} if it is free, or a free ephemeral port if {@code port} is 0.
   *
   * @param configKey the configuration key that chose the port, named in the error
   * @throws PortInUseException if the port is taken
   */
  public static int claim(String configKey, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "%s: %d is not a port (0-65535, 0 picks a free one)".formatted(configKey, port));
    }
    try (ServerSocket socket = new ServerSocket()) {
      // Like the servers themselves: connections of an earlier run lingering in TIME_WAIT do
      // not make a port busy, a listener does.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
      return socket.getLocalPort();
    } catch (IOException e) {
      if (port == 0) {
        throw new UncheckedIOException("no free port on " + LOOPBACK, e);
      }
      throw new PortInUseException(configKey, LOOPBACK, port);
    }
  }
}
