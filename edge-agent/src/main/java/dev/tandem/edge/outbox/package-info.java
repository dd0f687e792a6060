/**
 * The durable store-and-forward outbox: every outgoing message is appended to per-class segment
 * files with a CRC32C per record before it is sent, survives {@code kill -9} at any moment, is
 * bounded by a disk budget that sheds by priority (samples, then state reports, then summaries,
 * events only by policy), and drains oldest sequence first after a reconnect. {@link
 * dev.tandem.edge.outbox.Outbox} is the entry point; the on-disk format is described in the module
 * README.
 */
package dev.tandem.edge.outbox;
