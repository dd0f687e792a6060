/**
 * The MQTT 5 uplink: drains the outbox at QoS 1, acknowledging each record only on the broker's
 * PUBACK, reconnects with exponential backoff and jitter, and keeps a retained state message and a
 * last will on the device's state topic.
 */
package dev.tandem.edge.uplink;
