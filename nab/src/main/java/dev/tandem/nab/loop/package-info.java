/**
 * The train-and-switch loop, in process: a forecaster per stream retrained on the rows received so
 * far ({@link dev.tandem.nab.loop.ForecasterTrainer} is the plug for other trainers), installed in
 * the agent's {@link dev.tandem.nab.loop.LoopDetector}, whose forecast error likelihood is fused
 * with the on-device statistical detector. Strictly causal: a model applied at row {@code t} was
 * trained on rows before {@code t} only.
 */
package dev.tandem.nab.loop;
