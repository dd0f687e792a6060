/**
 * Plain JDBC on the pooled datasource, one statement at a time, with errors that say what failed.
 */
package dev.tandem.registry.jdbc;
