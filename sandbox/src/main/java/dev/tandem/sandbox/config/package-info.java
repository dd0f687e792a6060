/** Sandbox configuration: keys, defaults, and validation that names the bad key. */
package dev.tandem.sandbox.config;
