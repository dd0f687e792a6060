/** {@code ./tandem bench NAME}: benchmarks that print JSON and a short table. */
package dev.tandem.sandbox.bench;
