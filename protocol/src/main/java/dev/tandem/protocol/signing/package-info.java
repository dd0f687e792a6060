/**
 * Signing and verifying TUF-style metadata with Ed25519: {@link
 * dev.tandem.protocol.signing.MetadataSigning} and {@link
 * dev.tandem.protocol.signing.MetadataSigner} on the cloud side; {@link
 * dev.tandem.protocol.signing.MetadataVerifier}, {@link dev.tandem.protocol.signing.TrustedState}
 * and {@link dev.tandem.protocol.signing.TargetCheck} on the device side.
 */
package dev.tandem.protocol.signing;
