package dev.tandem.trainer.job;

import dev.tandem.config.ConfigError;
import dev.tandem.config.ConfigNode;
import dev.tandem.config.YamlConfig;
import dev.tandem.edgemodel.Activation;
import dev.tandem.ingest.lake.TimeRange;
import dev.tandem.trainer.data.DeviceSelector;
import dev.tandem.trainer.data.TimeSplit;
import dev.tandem.trainer.data.VibrationWindows;
import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.Task;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.optimize.OptimizationPlan;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a job from YAML; every error names its key ({@code training.learning-rate: must be ...}).
 * The keys are documented in {@code docs/trainer.md}.
 */
public final class JobConfigReader {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd.HHmmss").withZone(ZoneOffset.UTC);

  private final Clock clock;

  public JobConfigReader(Clock clock) {
    this.clock = clock;
  }

  public JobConfig read(Path file) {
    return YamlConfig.read(file, this::job);
  }

  public JobConfig parse(String yaml) {
    return YamlConfig.parse(yaml, this::job);
  }

  JobConfig job(ConfigNode root) {
    String model = root.string("model");
    if (!NAME.matcher(model).matches()) {
      throw new ConfigError(root.key("model"), "must match " + NAME.pattern());
    }
    String version =
        root.optString("version").orElseGet(() -> "0.0.0-t" + STAMP.format(clock.instant()));
    checkVersion(root, "version", version);
    String parent = root.optString("parent-version").orElse(null);
    if (parent != null) {
      checkVersion(root, "parent-version", parent);
    }
    String description = root.optString("description").orElse("trained by the Tandem trainer");
    long seed = root.longValue("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
    DataSpec data = data(root.child("data"), seed);
    Task task = data instanceof DataSpec.Lake ? Task.FORECAST : Task.CLASSIFY;
    int inputs =
        data instanceof DataSpec.Lake l
            ? l.window()
            : ((DataSpec.SyntheticVibration) data).window();
    int outputs = task == Task.FORECAST ? 1 : VibrationWindows.CLASSES.size();
    Architecture teacher =
        root.optChild("teacher")
            .map(n -> architecture(n, inputs, outputs, task, List.of(64, 32)))
            .orElse(new Architecture(inputs, List.of(64, 32), outputs, Activation.RELU, task));
    Architecture student =
        root.optChild("student")
            .map(n -> architecture(n, inputs, outputs, task, List.of(8)))
            .orElse(new Architecture(inputs, List.of(8), outputs, Activation.RELU, task));
    ConfigNode t = root.optChild("training").orElse(empty(root, "training"));
    TrainOptions training =
        t.check(
            "",
            () ->
                new TrainOptions(
                    seed,
                    t.integer("epochs", 30, 1, 10_000),
                    t.integer("batch-size", 64, 1, 1 << 20),
                    (float) positive(t, "learning-rate", 0.003),
                    t.integer("patience", 5, 1, 10_000),
                    1f,
                    1f));
    t.finish();
    ConfigNode o = root.optChild("optimization").orElse(empty(root, "optimization"));
    double alpha = o.number("alpha", 0.3);
    double temperature = o.number("temperature", 3);
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new ConfigError(o.key("alpha"), "must be in [0, 1]");
    }
    if (!(temperature > 0)) {
      throw new ConfigError(o.key("temperature"), "must be positive");
    }
    double sparsity = o.number("sparsity", 0.5);
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new ConfigError(o.key("sparsity"), "must be in [0, 1)");
    }
    int fineTune = o.integer("fine-tune-epochs", 10, 1, 10_000);
    double tolerance = o.number("tolerance", task == Task.CLASSIFY ? 1.0 : 5.0);
    if (!(tolerance >= 0)) {
      throw new ConfigError(o.key("tolerance"), "must be >= 0");
    }
    o.finish();
    OptimizationPlan plan =
        new OptimizationPlan(
            student, (float) alpha, (float) temperature, sparsity, fineTune, tolerance);
    JobConfig.Registry registry = root.optChild("registry").map(this::registry).orElse(null);
    Path output = root.optString("output").map(Path::of).orElse(null);
    root.finish();
    return new JobConfig(
        model, version, parent, description, data, teacher, training, plan, registry, output);
  }

  /** An empty mapping at {@code key}, so absent sections take every default. */
  private static ConfigNode empty(ConfigNode parent, String key) {
    return YamlConfig.parse("{}", n -> n);
  }

  private static void checkVersion(ConfigNode node, String key, String version) {
    if (!VERSION.matcher(version).matches()) {
      throw new ConfigError(node.key(key), "must match " + VERSION.pattern());
    }
  }

  private DataSpec data(ConfigNode d, long seed) {
    String source = d.string("source");
    ConfigNode s = d.optChild("split").orElse(null);
    double validation = s == null ? 0.15 : s.number("validation", 0.15);
    double test = s == null ? 0.15 : s.number("test", 0.15);
    TimeSplit split =
        (s == null ? d : s).check(s == null ? "split" : "", () -> new TimeSplit(validation, test));
    if (s != null) {
      s.finish();
    }
    DataSpec spec =
        switch (source) {
          case "lake" -> lake(d, split);
          case "synthetic-vibration" ->
              new DataSpec.SyntheticVibration(
                  d.integer("examples", 3000, 100, 10_000_000),
                  d.integer("window", 32, 2, 4096),
                  d.longValue("seed", seed, Long.MIN_VALUE, Long.MAX_VALUE),
                  split);
          default ->
              throw new ConfigError(
                  d.key("source"), "must be 'lake' or 'synthetic-vibration', not '" + source + "'");
        };
    d.finish();
    return spec;
  }

  private DataSpec lake(ConfigNode d, TimeSplit split) {
    ConfigNode s3 = d.child("s3");
    URI url = uri(s3, "url");
    String accessKey = s3.string("access-key");
    String secretKey = s3.string("secret-key");
    String region = s3.optString("region").orElse("us-east-1");
    s3.finish();
    Instant from = instant(d, "from");
    Instant to = instant(d, "to");
    TimeRange range = d.check("to", () -> new TimeRange(from, to));
    String prefix = d.has("prefix") ? d.string("prefix") : "";
    return new DataSpec.Lake(
        url,
        accessKey,
        secretKey,
        region,
        d.optString("bucket").orElse("tandem-lake"),
        prefix,
        range,
        new DeviceSelector(d.stringList("devices")),
        d.string("stream"),
        d.optString("field").orElse("mean"),
        d.integer("window", 16, 2, 4096),
        split);
  }

  private static Architecture architecture(
      ConfigNode node, int inputs, int outputs, Task task, List<Integer> defaultHidden) {
    List<String> text = node.stringList("hidden");
    List<Integer> hidden = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      try {
        int h = Integer.parseInt(text.get(i));
        if (h < 1 || h > 65_536) {
          throw new NumberFormatException();
        }
        hidden.add(h);
      } catch (NumberFormatException e) {
        throw new ConfigError(
            node.key("hidden") + "[" + i + "]", "must be a layer size from 1 to 65536");
      }
    }
    String activation = node.optString("activation").orElse("relu");
    Activation act;
    try {
      act = Activation.valueOf(activation.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigError(node.key("activation"), "must be relu, tanh or sigmoid");
    }
    if (act == Activation.LINEAR) {
      throw new ConfigError(node.key("activation"), "must be relu, tanh or sigmoid");
    }
    node.finish();
    return new Architecture(inputs, hidden.isEmpty() ? defaultHidden : hidden, outputs, act, task);
  }

  private JobConfig.Registry registry(ConfigNode r) {
    URI url = uri(r, "url");
    String token;
    if (r.has("token")) {
      token = r.string("token");
    } else {
      Path file = Path.of(r.string("token-file"));
      try {
        token = Files.readString(file).trim();
      } catch (IOException e) {
        throw new ConfigError(r.key("token-file"), "cannot be read: " + e.getMessage());
      }
    }
    r.finish();
    return new JobConfig.Registry(url, token);
  }

  private static URI uri(ConfigNode node, String key) {
    String text = node.string(key);
    try {
      URI uri = URI.create(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return uri;
    } catch (IllegalArgumentException e) {
      throw new ConfigError(node.key(key), "must be an http(s):// URL, not '" + text + "'");
    }
  }

  private static Instant instant(ConfigNode node, String key) {
    String text = node.string(key);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConfigError(node.key(key), "must be an ISO-8601 instant like 2026-11-23T00:00:00Z");
    }
  }

  private static double positive(ConfigNode node, String key, double defaultValue) {
    double v = node.number(key, defaultValue);
    if (!(v > 0)) {
      throw new ConfigError(node.key(key), "must be positive");
    }
    return v;
  }
}
