/** Pieces of simulated devices shared by the benchmarks and the NAB replay. */
package dev.tandem.sandbox.device;
