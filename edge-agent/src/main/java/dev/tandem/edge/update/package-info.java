/**
 * The update client: verifies desired state against the pinned root, downloads and checks the
 * artifact, stages, health-checks and switches models atomically, reverts on failure, and reports
 * every step. See docs/updates.md.
 */
package dev.tandem.edge.update;
