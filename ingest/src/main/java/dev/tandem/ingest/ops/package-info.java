/** The ingest process's operations endpoint: Prometheus metrics, liveness and readiness. */
package dev.tandem.ingest.ops;
