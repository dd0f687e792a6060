/** PostgreSQL from embedded binaries (zonky). */
package dev.tandem.servers.postgres;
