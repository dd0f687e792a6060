package dev.tandem.trainer.model;

/** What a model predicts, which decides its output and its loss. */
public enum Task {
  /** A window of past values to the next value: linear output, mean squared error. */
  FORECAST,
  /** A window to class probabilities: softmax output, cross-entropy. */
  CLASSIFY
}
