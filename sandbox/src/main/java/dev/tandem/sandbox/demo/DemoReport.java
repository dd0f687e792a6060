package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's outcome, written as JSON: {@code {"ok", "components": {"kafka": "up", ...}, "steps":
 * [{"name", "ok", "seconds", "detail"}]}}.
 *
 * @param components each server or service and its state ({@code up}, {@code down})
 */
public record DemoReport(boolean ok, Map<String, String> components, List<StepResult> steps) {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public DemoReport {
    components = Collections.unmodifiableMap(new LinkedHashMap<>(components));
    steps = List.copyOf(steps);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException("report cannot be serialized", e);
    }
  }

  public void write(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, toJson() + System.lineSeparator());
  }
}
