/**
 * Shrinking a trained model for the edge: knowledge distillation into a small student, magnitude
 * pruning with fine-tuning, int8 per-channel quantization; every variant evaluated on the same test
 * set against the teacher.
 */
package dev.tandem.trainer.optimize;
