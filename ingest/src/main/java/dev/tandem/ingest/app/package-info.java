/**
 * The ingest process: reads its YAML configuration, runs the bridge (and the lake writer) with a
 * metrics and health endpoint, and stops gracefully on SIGTERM.
 */
package dev.tandem.ingest.app;
