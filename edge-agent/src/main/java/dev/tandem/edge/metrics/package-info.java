/** The agent's local Prometheus endpoint (text format 0.0.4), bound to 127.0.0.1. */
package dev.tandem.edge.metrics;
