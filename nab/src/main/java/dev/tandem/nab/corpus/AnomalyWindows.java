package dev.tandem.nab.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The labels of a corpus, as in NAB's {@code combined_windows.json}: for each series (by relative
 * path) its anomaly windows, sorted by start, never overlapping. A series may have none.
 */
public final class AnomalyWindows {
  private final Map<String, List<Window>> byFile;

  /**
   * @throws IllegalArgumentException if a series' windows overlap
   */
  public AnomalyWindows(Map<String, List<Window>> byFile) {
    var sorted = new TreeMap<String, List<Window>>();
    byFile.forEach(
        (file, windows) -> {
          var list = new ArrayList<>(windows);
          list.sort(Comparator.comparingLong(Window::startMillis));
          for (int i = 1; i < list.size(); i++) {
            if (list.get(i).startMillis() <= list.get(i - 1).endMillis()) {
              throw new IllegalArgumentException(
                  "%s: windows starting %s and %s overlap"
                      .formatted(
                          file,
                          NabTime.format(list.get(i - 1).startMillis()),
                          NabTime.format(list.get(i).startMillis())));
            }
          }
          sorted.put(file, List.copyOf(list));
        });
    this.byFile = Collections.unmodifiableMap(sorted);
  }

  /**
   * Reads a {@code combined_windows.json}: an object mapping each relative path to an array of
   * {@code [start, end]} timestamp pairs.
   *
   * @throws CorpusException if the file is unreadable or not laid out that way
   */
  public static AnomalyWindows read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new CorpusException(
          "%s: not valid JSON (%s)".formatted(file, e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new CorpusException("cannot read " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CorpusException(file + ": expected a JSON object mapping series to windows");
    }
    var byFile = new TreeMap<String, List<Window>>();
    var fields = root.fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      byFile.put(entry.getKey(), windows(file, entry.getKey(), entry.getValue()));
    }
    try {
      return new AnomalyWindows(byFile);
    } catch (IllegalArgumentException e) {
      throw new CorpusException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<Window> windows(Path file, String series, JsonNode node) {
    if (!node.isArray()) {
      throw new CorpusException("%s: %s: expected an array of windows".formatted(file, series));
    }
    var windows = new ArrayList<Window>();
    for (JsonNode pair : node) {
      if (!pair.isArray()
          || pair.size() != 2
          || !pair.get(0).isTextual()
          || !pair.get(1).isTextual()) {
        throw new CorpusException(
            "%s: %s: expected a window [start, end], found %s".formatted(file, series, pair));
      }
      try {
        windows.add(
            new Window(NabTime.parse(pair.get(0).asText()), NabTime.parse(pair.get(1).asText())));
      } catch (IllegalArgumentException e) {
        throw new CorpusException("%s: %s: %s".formatted(file, series, e.getMessage()), e);
      }
    }
    return windows;
  }

  /** The series this file labels, sorted. */
  public List<String> files() {
    return List.copyOf(byFile.keySet());
  }

  /** The windows of a series, or empty if the file does not label it. */
  public Optional<List<Window>> windows(String file) {
    return Optional.ofNullable(byFile.get(file));
  }
}
