package dev.tandem.registry.signing.keys;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a key derived from a passphrase with PBKDF2-HMAC-SHA256. Every seal takes a
 * fresh random 96-bit nonce.
 */
final class Sealer {

  static final String KDF = "PBKDF2WithHmacSHA256";
  static final String CIPHER = "AES-256-GCM";
  static final int SALT_BYTES = 16;
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  private Sealer(SecretKey key) {
    this.key = key;
  }

  /** Derives the sealing key; slow by design (about {@code iterations} HMAC computations). */
  static Sealer derive(char[] passphrase, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
    try {
      byte[] raw = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
      try {
        return new Sealer(new SecretKeySpec(raw, "AES"));
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK cannot derive keys with " + KDF, e);
    } finally {
      spec.clearPassword();
    }
  }

  static byte[] random(int bytes) {
    byte[] out = new byte[bytes];
    RANDOM.nextBytes(out);
    return out;
  }

  byte[] seal(byte[] nonce, byte[] plaintext, byte[] associatedData) {
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM sealing failed", e);
    }
  }

  /**
   * Opens a seal.
   *
   * @throws AEADBadTagException if the key (passphrase), nonce, data or ciphertext is wrong
   */
  byte[] open(byte[] nonce, byte[] sealed, byte[] associatedData) throws AEADBadTagException {
    try {
      return cipher(Cipher.DECRYPT_MODE, nonce, associatedData).doFinal(sealed);
    } catch (AEADBadTagException e) {
      throw e;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM opening failed", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, byte[] associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData);
    return cipher;
  }
}
