/**
 * Where readings come from: seeded simulated sensors with labeled fault injection, CSV replay
 * (NAB's layout), local devices over MQTT, and standard input.
 */
package dev.tandem.edge.source;
