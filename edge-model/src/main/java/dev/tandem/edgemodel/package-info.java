/**
 * The compact edge model format: small feed-forward models (dense layers, float32 or per-channel
 * int8 weights, input normalisation and output de-normalisation) as one checksummed file, with a
 * strict reader, a writer and the reference pure-Java forward pass. Byte layout: {@code
 * docs/edge-model-format.md}.
 */
package dev.tandem.edgemodel;
