/**
 * Event detection on one stream: the {@link dev.tandem.edge.detect.Detector} interface that rule
 * detectors, statistical detectors and cached models implement.
 */
package dev.tandem.edge.detect;
