/**
 * Typed configuration of the control plane, checked when the application starts: an invalid or
 * missing key stops it with a message that names the key.
 */
package dev.tandem.registry.config;
