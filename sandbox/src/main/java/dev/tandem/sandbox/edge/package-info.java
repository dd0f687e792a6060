/** {@code ./tandem agent} and {@code ./tandem fleet}: edge agents from the launcher. */
package dev.tandem.sandbox.edge;
