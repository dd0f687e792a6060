/**
 * TUF-style metadata documents: {@link dev.tandem.protocol.signing.metadata.RootMetadata}, {@link
 * dev.tandem.protocol.signing.metadata.TargetsMetadata} and the {@link
 * dev.tandem.protocol.signing.metadata.SignedEnvelope} that carries their signatures. Values
 * validate themselves; reading JSON ignores unknown fields and names the path of every problem.
 */
package dev.tandem.protocol.signing.metadata;
