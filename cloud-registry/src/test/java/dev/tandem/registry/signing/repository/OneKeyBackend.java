package dev.tandem.registry.signing.repository;

import dev.tandem.registry.signing.keys.KeyPurpose;
import dev.tandem.registry.signing.keys.SigningBackend;
import dev.tandem.registry.signing.keys.SigningKey;
import java.util.ArrayList;
import java.util.List;

/** A backend that can use only one key of another backend, and creates keys in a third. */
final class OneKeyBackend implements SigningBackend {

  private final SigningBackend source;
  private final String keyId;
  private final SigningBackend created;

  OneKeyBackend(SigningBackend source, String keyId, SigningBackend created) {
    this.source = source;
    this.keyId = keyId;
    this.created = created;
  }

  @Override
  public String describe() {
    return "one-key backend";
  }

  @Override
  public List<SigningKey> keys() {
    List<SigningKey> keys = new ArrayList<>(source.key(keyId).stream().toList());
    keys.addAll(created.keys());
    return keys;
  }

  @Override
  public byte[] sign(String id, byte[] message) {
    return id.equals(keyId) ? source.sign(id, message) : created.sign(id, message);
  }

  @Override
  public SigningKey createKey(KeyPurpose purpose) {
    return created.createKey(purpose);
  }
}
