/** Time as a bean: code asks for an {@link java.time.InstantSource} so tests can move it. */
package dev.tandem.registry.time;
