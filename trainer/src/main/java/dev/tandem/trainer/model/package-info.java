/**
 * Feed-forward models in TensorFlow Java graph mode: their architecture, weights, the training
 * graph and loop (seeded, early stopping, cancellable), and the inference graph.
 */
package dev.tandem.trainer.model;
