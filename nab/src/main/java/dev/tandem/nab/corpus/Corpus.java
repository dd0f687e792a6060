package dev.tandem.nab.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the series of a NAB-layout directory: every {@code .csv} file below it, at any depth. */
public final class Corpus {
  private Corpus() {}

  /**
   * The relative paths ({@code /}-separated, e.g. {@code realKnownCause/nyc_taxi.csv}) of every CSV
   * under {@code dataDir}, sorted.
   *
   * @throws CorpusException if {@code dataDir} is not a readable directory
   */
  public static List<String> discover(Path dataDir) {
    if (!Files.isDirectory(dataDir)) {
      throw new CorpusException(dataDir + " is not a directory");
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
          .map(p -> relativeName(dataDir, p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new CorpusException("cannot list " + dataDir + ": " + e.getMessage(), e);
    }
  }

  /** The corpus name of a file below {@code root}: its relative path with {@code /} separators. */
  public static String relativeName(Path root, Path file) {
    Path relative = root.relativize(file);
    StringBuilder name = new StringBuilder();
    for (Path part : relative) {
      if (name.length() > 0) {
        name.append('/');
      }
      name.append(part);
    }
    return name.toString();
  }

  /** Where the series with this corpus name lies below {@code root}. */
  public static Path resolve(Path root, String name) {
    Path path = root;
    for (String part : name.split("/")) {
      path = path.resolve(part);
    }
    return path;
  }
}
