/**
 * Models running on the device: the runtime interface a model format implements, the active model
 * per name with its counters and probation, and the buffer of recent inputs health checks replay.
 */
package dev.tandem.edge.model;
