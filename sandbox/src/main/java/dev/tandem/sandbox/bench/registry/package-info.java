/**
 * {@code ./tandem bench registry}: a read-heavy load on the control plane (devices asking for their
 * desired state, artifact URL resolution, operators listing models) from a load generator on this
 * machine.
 */
package dev.tandem.sandbox.bench.registry;
