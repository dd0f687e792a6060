/**
 * The agent's configuration file (YAML): typed records, and a strict reader whose every error names
 * the key path, e.g. {@code streams[1].window.size}.
 */
package dev.tandem.edge.config;
