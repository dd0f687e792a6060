/**
 * What leaves the trainer: the inference graph (weights as constants, int8 weights as int8
 * constants), its SavedModel, the edge model file and the model card.
 */
package dev.tandem.trainer.export;
