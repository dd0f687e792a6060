/**
 * The running agent: one thread per stream from source through pipeline into the outbox, the uplink
 * draining it, the periodic state report, and the local metrics endpoint.
 */
package dev.tandem.edge.agent;
