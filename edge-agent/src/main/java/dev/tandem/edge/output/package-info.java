/**
 * Turns pipeline outputs into protocol messages (window summaries, events with their context, raw
 * sample batches within a bandwidth budget) and appends them to the outbox.
 */
package dev.tandem.edge.output;
