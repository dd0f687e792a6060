/** Rule detectors configured by people: thresholds with hysteresis and debounce, rate of change. */
package dev.tandem.edge.detect.rule;
