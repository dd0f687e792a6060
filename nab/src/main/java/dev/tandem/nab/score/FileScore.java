package dev.tandem.nab.score;

/**
 * One series' result at a profile's corpus-wide threshold.
 *
 * @param file the series' relative path
 * @param windows windows that count (at least one row after the probationary period)
 * @param tp windows with at least one detection
 * @param fp detections outside every window, after the probationary period
 * @param fn windows without a detection
 * @param score the series' share of the raw corpus total
 */
public record FileScore(String file, int windows, int tp, int fp, int fn, double score) {}
