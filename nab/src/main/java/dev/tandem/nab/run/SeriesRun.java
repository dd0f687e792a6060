package dev.tandem.nab.run;

/**
 * What running a detector over one series did.
 *
 * @param name the series' relative path
 * @param rows rows fed to the detector
 * @param skippedLines broken lines skipped while reading
 * @param nanos time spent in the detector, in nanoseconds
 */
public record SeriesRun(String name, int rows, int skippedLines, long nanos) {}
