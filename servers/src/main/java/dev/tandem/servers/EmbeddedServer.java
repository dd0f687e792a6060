package dev.tandem.servers;

/** A real server running inside this JVM. Closing it stops it and waits until it is down. */
public interface EmbeddedServer extends AutoCloseable {
  ServerKind kind();

  /** The address clients use, for printing. */
  String address();

  @Override
  void close();
}
