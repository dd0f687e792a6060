/**
 * NAB's scoring: per-row sweep weights from the labeled windows (probationary period, scaled
 * sigmoid, window position, false positives fading after a window), one corpus-wide threshold per
 * cost profile chosen over the distinct anomaly scores, and normalization between the null and the
 * perfect detector.
 */
package dev.tandem.nab.score;
