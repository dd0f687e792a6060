/** The Tandem edge agent: the device runtime. */
package dev.tandem.edge;
