package dev.tandem.ingest.ops;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} (Prometheus text), {@code /health/live} and {@code /health/ready} (200 or
 * 503 with a JSON body naming each check). A JDK HTTP server: the process has no web framework and
 * needs none for three read-only endpoints.
 */
public final class OpsServer implements AutoCloseable {
  private final HttpServer server;

  private OpsServer(HttpServer server) {
    this.server = server;
  }

  /**
   * @param metrics the Prometheus text exposition of every meter
   * @param readiness each check's name and whether it currently passes
   */
  public static OpsServer start(
      String host, int port, Supplier<String> metrics, Supplier<Map<String, Boolean>> readiness) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
    }
    server.createContext(
        "/metrics",
        exchange ->
            respond(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.createContext(
        "/health/live",
        exchange -> respond(exchange, 200, "application/json", "{\"status\":\"UP\"}"));
    server.createContext("/health/ready", exchange -> ready(exchange, readiness.get()));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ingest-ops-http");
              t.setDaemon(true);
              return t;
            }));
    server.start();
    return new OpsServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void ready(HttpExchange exchange, Map<String, Boolean> checks) throws IOException {
    boolean up = checks.values().stream().allMatch(Boolean::booleanValue);
    StringBuilder body = new StringBuilder("{\"status\":\"").append(up ? "UP" : "DOWN");
    body.append("\",\"checks\":{");
    String separator = "";
    for (Map.Entry<String, Boolean> check : checks.entrySet()) {
      body.append(separator)
          .append('"')
          .append(check.getKey())
          .append("\":\"")
          .append(check.getValue() ? "UP" : "DOWN")
          .append('"');
      separator = ",";
    }
    body.append("}}");
    respond(exchange, up ? 200 : 503, "application/json", body.toString());
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
