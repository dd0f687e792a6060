package dev.tandem.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on 127.0.0.1 for link faults: clients connect to its port and reach the target;
 * {@link #cut()} drops every connection and refuses new ones (the network is gone), {@link
 * #restore()} accepts again on the same port.
 */
public final class TcpProxy implements AutoCloseable {
  private final int port;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  private TcpProxy(int port, InetSocketAddress target) {
    this.port = port;
    this.target = target;
  }

  /** A proxy on a free port, cut (not accepting) until {@link #restore()}. */
  public static TcpProxy cutTo(String host, int targetPort) {
    try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new TcpProxy(probe.getLocalPort(), new InetSocketAddress(host, targetPort));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Starts accepting and forwarding. */
  public synchronized void restore() {
    if (server != null) {
      return;
    }
    try {
      var socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      server = socket;
    } catch (IOException e) {
      throw new UncheckedIOException("proxy cannot listen on " + port, e);
    }
    Thread acceptor = new Thread(this::accept, "tcp-proxy-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Drops every connection at once and stops accepting. */
  public synchronized void cut() {
    ServerSocket current = server;
    server = null;
    closeQuietly(current);
    sockets.forEach(TcpProxy::closeQuietly);
    sockets.clear();
  }

  private void accept() {
    ServerSocket current = server;
    while (current != null && !current.isClosed()) {
      try {
        Socket client = current.accept();
        Socket upstream = new Socket(target.getHostString(), target.getPort());
        sockets.add(client);
        sockets.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        return; // cut
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // One side closed: close both.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Closing anyway.
    }
  }

  @Override
  public void close() {
    cut();
  }
}
