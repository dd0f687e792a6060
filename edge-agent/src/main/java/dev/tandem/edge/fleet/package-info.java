/**
 * The fleet simulator: many real agents in one JVM, each with its own MQTT connection and outbox,
 * on seeded simulated sensors, for scale tests and the sandbox.
 */
package dev.tandem.edge.fleet;
