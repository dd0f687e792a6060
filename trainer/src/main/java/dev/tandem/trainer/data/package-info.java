/**
 * Training data: examples read from a lake snapshot (forecast windows per device and stream) or
 * generated (labelled vibration windows), split by time, and normalised from the training part.
 */
package dev.tandem.trainer.data;
