/**
 * The detector family of {@code ./tandem bench trainer}: a TensorFlow teacher and the edge
 * optimizer's students as the NAB loop's forecasters, each scored on the NAB corpus.
 */
package dev.tandem.sandbox.bench.detector;
