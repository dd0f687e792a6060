package dev.tandem.servers;

/** A port a server was told to bind is already taken by another process. */
public final class PortInUseException extends ServerStartException {
  private static final long serialVersionUID = 1L;

  public PortInUseException(String configKey, String host, int port) {
    super(
        "%s: port %d on %s is already in use; stop what holds it or choose another port"
            .formatted(configKey, port, host));
  }
}
