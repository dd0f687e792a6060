/** The trainer benchmark: training throughput per model family and the edge size reduction. */
package dev.tandem.trainer.bench;
