/**
 * The on-device statistical anomaly detector ({@link
 * dev.tandem.edge.detect.stat.RobustAnomalyDetector}): robust residual, pattern and volatility
 * evidence, calibrated into an anomaly likelihood, with hysteresis for events. It is the baseline
 * that cloud-trained models must beat on NAB ({@code docs/nab.md}).
 */
package dev.tandem.edge.detect.stat;
