/**
 * Runs a detector over every series of a NAB-layout corpus, strictly causally (one fresh detector
 * per series, one row at a time), and writes NAB result files.
 */
package dev.tandem.nab.run;
