/**
 * Event-time windowed aggregation, tumbling or sliding: count, mean, min, max, standard deviation
 * and quantiles from a bounded-memory sketch (DDSketch), with a documented rule for late readings.
 */
package dev.tandem.edge.window;
