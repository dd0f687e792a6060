package dev.tandem.nab.run;

/** Hears how a corpus run goes, series by series. */
public interface RunListener {
  /** A broken line was skipped; the message names file and line. */
  void warning(String message);

  /** Series {@code index} (1-based) of {@code total} was written. */
  void seriesDone(int index, int total, SeriesRun run);

  /** Series {@code index} (1-based) of {@code total} could not be read and was left out. */
  void seriesFailed(int index, int total, String name, String reason);
}
