package dev.tandem.registry.signing.keys;

import dev.tandem.protocol.signing.metadata.MetadataKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The public facts of a key a {@link SigningBackend} can sign with; never the private key.
 *
 * @param publicKey the key as listed in root metadata
 * @param purpose the role the key was created for
 * @param created when the key was created, second precision
 */
public record SigningKey(MetadataKey publicKey, KeyPurpose purpose, Instant created) {

  public SigningKey {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(created, "created");
  }

  /** The TUF key id. */
  public String keyId() {
    return publicKey.keyId();
  }
}
