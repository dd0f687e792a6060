package dev.tandem.edge.metrics;

import java.util.Objects;

/**
 * One sample for the metrics endpoint.
 *
 * @param name Prometheus metric name, {@code tandem_agent_...}
 * @param type {@code counter} or {@code gauge}
 * @param help one line saying what it counts
 * @param labels already formatted label set such as {@code stream="s1"}, or empty
 */
public record Metric(String name, String type, String help, String labels, double value) {
  public Metric {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
      throw new IllegalArgumentException("not a Prometheus metric name: " + name);
    }
    if (!type.equals("counter") && !type.equals("gauge")) {
      throw new IllegalArgumentException("metric type must be counter or gauge, got " + type);
    }
  }

  public static Metric counter(String name, String help, double value) {
    return new Metric(name, "counter", help, "", value);
  }

  public static Metric gauge(String name, String help, double value) {
    return new Metric(name, "gauge", help, "", value);
  }
}
