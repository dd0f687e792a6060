/**
 * Noise filters for one stream of readings: median, Hampel outlier replacement and exponential
 * smoothing. Each is causal (looks only at the past), stateful and allocation-free per reading.
 */
package dev.tandem.edge.filter;
