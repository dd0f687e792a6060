/** The device's model update contract: stable reasons for refused and reverted updates. */
package dev.tandem.protocol.update;
