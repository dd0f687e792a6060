/**
 * Edge benchmarks that need no server: pipeline throughput against a bare loop, and uplink
 * reduction with event recall. {@code ./tandem bench edge} runs them with the broker-backed ones.
 */
package dev.tandem.edge.bench;
