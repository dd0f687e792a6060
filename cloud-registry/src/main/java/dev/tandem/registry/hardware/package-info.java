/** The hardware classes devices have and model variants target. */
package dev.tandem.registry.hardware;
