/** Rolling statistics over the last readings of a stream, allocation-free. */
package dev.tandem.edge.rolling;
