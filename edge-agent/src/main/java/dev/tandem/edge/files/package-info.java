/** Crash-safe file operations shared by the outbox and the model store. */
package dev.tandem.edge.files;
