/**
 * Simulated fleets that a rollout can reach: devices enrolled in the control plane's device
 * registry, started as real edge agents with update clients. The sandbox's own fleet and the demo's
 * rollout step both start theirs here.
 */
package dev.tandem.sandbox.fleet;
