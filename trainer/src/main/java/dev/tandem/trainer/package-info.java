/**
 * The trainer: reads a lake snapshot, trains a model in TensorFlow Java graph mode, shrinks it for
 * the edge (distillation, int8 quantization, pruning), evaluates every variant on the same test
 * set, exports SavedModels and edge model files, and registers them with lineage.
 */
package dev.tandem.trainer;
