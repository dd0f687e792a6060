/** The sandbox: the whole platform on one machine, started by {@code ./tandem sandbox}. */
package dev.tandem.sandbox.run;
