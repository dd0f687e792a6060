/**
 * One stream's hot path: validation, noise filters, detectors, windowed aggregation and raw
 * sampling, allocation-free per reading, feeding a {@link dev.tandem.edge.stream.PipelineSink}.
 */
package dev.tandem.edge.stream;
