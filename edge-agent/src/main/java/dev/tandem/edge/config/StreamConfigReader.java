package dev.tandem.edge.config;

import dev.tandem.config.ConfigError;
import dev.tandem.config.ConfigNode;
import dev.tandem.edge.config.SourceConfig.InjectedFault;
import dev.tandem.edge.config.SourceConfig.SimulatedProfile;
import dev.tandem.edge.detect.rule.RateOfChangeDetector;
import dev.tandem.edge.detect.rule.ThresholdDetector;
import dev.tandem.edge.detect.stat.RobustAnomalyDetector;
import dev.tandem.edge.filter.ExponentialSmoothing;
import dev.tandem.edge.filter.HampelFilter;
import dev.tandem.edge.filter.MedianFilter;
import dev.tandem.edge.filter.ReadingFilter;
import dev.tandem.edge.stream.DetectorBinding;
import dev.tandem.edge.stream.ValueRange;
import dev.tandem.edge.window.WindowSpec;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/** Reads one entry of {@code streams:}. */
final class StreamConfigReader {
  private StreamConfigReader() {}

  static StreamConfig stream(ConfigNode node) {
    String id = node.string("id");
    SourceConfig source = source(node.child("source"));
    ValueRange range =
        node.optChild("range")
            .map(
                r -> {
                  double min = r.number("min", -Double.MAX_VALUE);
                  double max = r.number("max", Double.MAX_VALUE);
                  r.finish();
                  return r.check("", () -> new ValueRange(min, max));
                })
            .orElse(ValueRange.ANY);
    var filters = node.list("filters", StreamConfigReader::filter);
    var detectors = node.list("detectors", StreamConfigReader::detector);
    WindowSpec window = window(node.child("window"));
    int context = node.integer("context-readings", 32, 1, 10_000);
    int contextAfter = node.integer("context-after", 8, 0, 10_000);
    int sampleEvery = 0;
    int sampleBatch = 100;
    var sampling = node.optChild("sample");
    if (sampling.isPresent()) {
      sampleEvery = sampling.get().integer("every", 100, 1, 1_000_000);
      sampleBatch = sampling.get().integer("batch", 100, 1, 10_000);
      sampling.get().finish();
    }
    int every = sampleEvery;
    int batch = sampleBatch;
    return node.check(
        "id",
        () ->
            new StreamConfig(
                id,
                source,
                range,
                filters,
                detectors,
                window,
                context,
                contextAfter,
                every,
                batch));
  }

  private static SourceConfig source(ConfigNode node) {
    String type = node.string("type");
    SourceConfig source =
        switch (type) {
          case "simulated" -> {
            var profile =
                node.enumValue("profile", SimulatedProfile.class, SimulatedProfile.TEMPERATURE);
            double rate = node.number("rate-hz", 1);
            long seed = node.longValue("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
            var faults = node.list("faults", StreamConfigReader::fault);
            yield node.check(
                "rate-hz", () -> new SourceConfig.Simulated(profile, rate, seed, faults));
          }
          case "csv" -> {
            Path file = Path.of(node.string("file"));
            double speed = node.number("speed", 1);
            yield node.check("speed", () -> new SourceConfig.CsvReplay(file, speed));
          }
          case "mqtt" -> new SourceConfig.LanMqtt(node.string("url"), node.string("topic"));
          case "stdin" -> new SourceConfig.Stdin();
          default ->
              throw new ConfigError(
                  node.key("type"),
                  "must be one of [simulated, csv, mqtt, stdin], got '" + type + "'");
        };
    node.finish();
    return source;
  }

  private static InjectedFault fault(ConfigNode node) {
    String kind = node.string("kind");
    if (!kind.matches("spike|overheat|bearing-fault|stuck")) {
      throw new ConfigError(
          node.key("kind"),
          "must be one of [spike, overheat, bearing-fault, stuck], got '" + kind + "'");
    }
    return new InjectedFault(
        kind,
        node.requiredNumber("at-seconds"),
        node.number("duration-seconds", 1),
        node.number("magnitude", 1));
  }

  private static Supplier<ReadingFilter> filter(ConfigNode item) {
    String type = item.onlyKey();
    ConfigNode node = item.child(type);
    Supplier<ReadingFilter> supplier =
        switch (type) {
          case "median" -> {
            int window = node.integer("window", 5, 1, 1001);
            yield () -> new MedianFilter(window);
          }
          case "hampel" -> {
            int window = node.integer("window", 7, 3, 1001);
            double sigmas = node.number("sigmas", 3);
            node.check("sigmas", () -> new HampelFilter(window, sigmas));
            yield () -> new HampelFilter(window, sigmas);
          }
          case "smoothing" -> {
            double alpha = node.number("alpha", 0.3);
            node.check("alpha", () -> new ExponentialSmoothing(alpha));
            yield () -> new ExponentialSmoothing(alpha);
          }
          default ->
              throw new ConfigError(
                  item.key(type), "unknown filter (known: median, hampel, smoothing)");
        };
    node.finish();
    return supplier;
  }

  private static Supplier<DetectorBinding> detector(ConfigNode item) {
    String type = item.onlyKey();
    ConfigNode node = item.child(type);
    Severity severity =
        node.enumValue("severity", SeverityName.class, SeverityName.WARNING).severity;
    Supplier<DetectorBinding> supplier =
        switch (type) {
          case "threshold" -> {
            double low = node.number("low", Double.NEGATIVE_INFINITY);
            double high = node.number("high", Double.POSITIVE_INFINITY);
            double hysteresis = node.number("hysteresis", 0);
            int debounce = node.integer("debounce", 1, 1, 100_000);
            int clearAfter = node.integer("clear-after", debounce, 1, 10_000_000);
            node.check(
                "", () -> new ThresholdDetector(low, high, hysteresis, debounce, clearAfter));
            yield () ->
                new DetectorBinding(
                    new ThresholdDetector(low, high, hysteresis, debounce, clearAfter),
                    EventKind.EVENT_KIND_THRESHOLD,
                    severity);
          }
          case "rate-of-change" -> {
            double max = node.requiredNumber("max-per-second");
            int debounce = node.integer("debounce", 1, 1, 100_000);
            node.check("max-per-second", () -> new RateOfChangeDetector(max, debounce));
            yield () ->
                new DetectorBinding(
                    new RateOfChangeDetector(max, debounce),
                    EventKind.EVENT_KIND_RATE_OF_CHANGE,
                    severity);
          }
          case "robust-stat" ->
              // The on-device statistical anomaly detector (the NAB baseline), one configuration
              // for every stream: its defaults are documented in docs/nab.md.
              () ->
                  new DetectorBinding(
                      RobustAnomalyDetector.withDefaults(), EventKind.EVENT_KIND_ANOMALY, severity);
          default ->
              throw new ConfigError(
                  item.key(type),
                  "unknown detector (known: threshold, rate-of-change, robust-stat)");
        };
    node.finish();
    return supplier;
  }

  private static WindowSpec window(ConfigNode node) {
    Duration size = node.duration("size", Duration.ofSeconds(10));
    Duration hop = node.duration("hop", size);
    Duration lateness = node.duration("allowed-lateness", Duration.ofSeconds(2));
    node.finish();
    return node.check(
        "", () -> new WindowSpec(size.toMillis(), hop.toMillis(), lateness.toMillis()));
  }

  /** Severity names as people write them in the file. */
  private enum SeverityName {
    INFO(Severity.SEVERITY_INFO),
    WARNING(Severity.SEVERITY_WARNING),
    CRITICAL(Severity.SEVERITY_CRITICAL);

    final Severity severity;

    SeverityName(Severity severity) {
      this.severity = severity;
    }
  }
}
