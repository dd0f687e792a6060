package dev.tandem.nab.corpus;

/**
 * A line of a CSV that could not be used and was skipped.
 *
 * @param file the series' relative path (or the file name)
 * @param line 1-based line number in the file
 * @param reason what was wrong with it
 */
public record ParseWarning(String file, int line, String reason) {
  @Override
  public String toString() {
    return "%s:%d: %s; line skipped".formatted(file, line, reason);
  }
}
