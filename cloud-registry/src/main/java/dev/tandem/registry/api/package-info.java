/** The root of the versioned REST API, {@code /api/v1}. */
package dev.tandem.registry.api;
