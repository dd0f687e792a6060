package dev.tandem.edge.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local HTTP server that misbehaves as a compromised or broken artifact server would, which no
 * real S3 store can be made to do: a body that never ends, or a transfer that breaks half way.
 */
final class HostileHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private final List<String> ranges = new CopyOnWriteArrayList<>();
  private volatile boolean running = true;

  private HostileHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    threads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "hostile-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
  }

  /** Answers every GET with a chunked body that never ends: fast, or a byte every delay. */
  static HostileHttpServer endless(long delayMillis) throws IOException {
    HostileHttpServer s = new HostileHttpServer();
    s.server.createContext("/", exchange -> s.endless(exchange, delayMillis));
    s.server.start();
    return s;
  }

  /**
   * Serves {@code body}, but the first transfer breaks after half of it (the connection closes
   * before the announced length); later requests get what their {@code Range} header asks for.
   */
  static HostileHttpServer breaksOnce(byte[] body) throws IOException {
    HostileHttpServer s = new HostileHttpServer();
    s.server.createContext("/", exchange -> s.breakOnce(exchange, body));
    s.server.start();
    return s;
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/artifact";
  }

  long bytesSent() {
    return sent.get();
  }

  /** The Range header of every request, "none" where there was none. */
  List<String> ranges() {
    return ranges;
  }

  private void endless(HttpExchange exchange, long delayMillis) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[delayMillis > 0 ? 1 : 64 * 1024];
    try (OutputStream out = exchange.getResponseBody()) {
      while (running) {
        out.write(chunk);
        out.flush();
        sent.addAndGet(chunk.length);
        if (delayMillis > 0) {
          Thread.sleep(delayMillis);
        }
      }
    } catch (IOException | InterruptedException e) {
      // The client hung up: what we wanted.
    }
  }

  private void breakOnce(HttpExchange exchange, byte[] body) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    ranges.add(range == null ? "none" : range);
    if (requests.getAndIncrement() == 0) {
      exchange.sendResponseHeaders(200, body.length);
      OutputStream out = exchange.getResponseBody();
      out.write(body, 0, body.length / 2);
      out.flush();
      exchange.close(); // fewer bytes than announced: the server drops the connection
      return;
    }
    int from = range == null ? 0 : Integer.parseInt(range.replaceAll("[^0-9]", ""));
    if (from > 0) {
      exchange
          .getResponseHeaders()
          .add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
      exchange.sendResponseHeaders(206, body.length - from);
    } else {
      exchange.sendResponseHeaders(200, body.length);
    }
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body, from, body.length - from);
    }
  }

  @Override
  public void close() {
    running = false;
    server.stop(0);
    threads.shutdownNow();
  }
}
