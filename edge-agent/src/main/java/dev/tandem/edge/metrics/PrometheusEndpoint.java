package dev.tandem.edge.metrics;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serves {@code GET /metrics} in Prometheus text format on 127.0.0.1 with the JDK's own HTTP
 * server: the agent carries no web framework.
 */
public final class PrometheusEndpoint implements AutoCloseable {
  private final HttpServer server;

  private PrometheusEndpoint(HttpServer server) {
    this.server = server;
  }

  /**
   * @param port 0 for a free port
   * @throws UncheckedIOException naming the port if it cannot be bound
   */
  public static PrometheusEndpoint start(int port, Supplier<List<Metric>> metrics) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "metrics.port: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    server.createContext(
        "/metrics",
        exchange -> {
          byte[] body = render(metrics.get()).getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return new PrometheusEndpoint(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  static String render(List<Metric> metrics) {
    StringBuilder text = new StringBuilder();
    Set<String> described = new HashSet<>();
    for (Metric metric : metrics) {
      if (described.add(metric.name())) {
        text.append("# HELP ").append(metric.name()).append(' ').append(metric.help()).append('\n');
        text.append("# TYPE ").append(metric.name()).append(' ').append(metric.type()).append('\n');
      }
      text.append(metric.name());
      if (!metric.labels().isEmpty()) {
        text.append('{').append(metric.labels()).append('}');
      }
      text.append(' ').append(format(metric.value())).append('\n');
    }
    return text.toString();
  }

  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%s", value);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
