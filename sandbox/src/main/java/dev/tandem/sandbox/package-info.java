/** The {@code ./tandem} command: entry point, subcommands and error reporting. */
package dev.tandem.sandbox;
