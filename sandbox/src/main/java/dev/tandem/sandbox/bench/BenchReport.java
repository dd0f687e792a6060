package dev.tandem.sandbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collects a benchmark's figures as JSON and as table rows (metric, value, goal, met). */
public final class BenchReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();
  private final List<String[]> rows = new ArrayList<>();

  public BenchReport(String benchmark) {
    root.put("benchmark", benchmark);
    root.put("machine", machine());
  }

  public ObjectNode section(String name) {
    return root.putObject(name);
  }

  public void row(String metric, String value, String goal, boolean met) {
    rows.add(new String[] {metric, value, goal, goal.isEmpty() ? "" : met ? "yes" : "NO"});
  }

  public void print(Path jsonFile) throws IOException {
    String json = JSON.writeValueAsString(root);
    System.out.println(json);
    if (jsonFile != null) {
      Files.writeString(jsonFile, json + System.lineSeparator());
    }
    System.out.printf("%n%-48s %-22s %-16s %s%n", "metric", "value", "goal", "met");
    for (String[] row : rows) {
      System.out.printf("%-48s %-22s %-16s %s%n", (Object[]) row);
    }
  }

  static String machine() {
    return String.format(
        Locale.ROOT,
        "%s %s, %d cores, Java %s",
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
  }
}
