/**
 * A small client of the control plane's REST API (JDK HTTP client and Jackson), used by the demo
 * steps and the registry benchmark to act as operators and devices do.
 */
package dev.tandem.sandbox.registry;
