/** Plain JDBC against the control plane's PostgreSQL, with failures mapped to error codes. */
package dev.tandem.registry.jdbc;
