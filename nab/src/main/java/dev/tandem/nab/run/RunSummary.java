package dev.tandem.nab.run;

/**
 * A whole corpus run.
 *
 * @param series series written
 * @param failed series that could not be read at all (reported, not written)
 * @param rows rows fed to detectors, over all series
 * @param skippedLines broken lines skipped, over all series
 * @param detectorNanos time spent inside the detectors, in nanoseconds
 * @param wallNanos time for the whole run, reading and writing included, in nanoseconds
 */
public record RunSummary(
    int series, int failed, long rows, long skippedLines, long detectorNanos, long wallNanos) {}
