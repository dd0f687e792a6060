package dev.tandem.protocol.signing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers Ed25519 signature checks that passed, so that many verifiers in one process (a
 * simulated fleet of thousands of devices) verify a signature over the same bytes once. The key is
 * the SHA-256 of the public key, the signature and the message: the same triple always verifies the
 * same way, so a hit gives exactly the answer a new check would. Failed checks are never remembered
 * (they are checked again each time). A real device has one verifier and needs no memo ({@link
 * #none}). Thread-safe; at most {@code capacity} entries, forgotten all at once when full.
 */
public final class VerifiedSignatures {
  private static final VerifiedSignatures NONE = new VerifiedSignatures(0);

  private final int capacity;
  private final Set<ByteBuffer> verified = ConcurrentHashMap.newKeySet();
  private final LongAdder hits = new LongAdder();

  private VerifiedSignatures(int capacity) {
    this.capacity = capacity;
  }

  /** No memo: every check verifies. */
  public static VerifiedSignatures none() {
    return NONE;
  }

  /**
   * A memo shared by the verifiers it is given to.
   *
   * @param capacity the most passed checks kept, at least 1
   */
  public static VerifiedSignatures shared(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    return new VerifiedSignatures(capacity);
  }

  /** Checks answered from the memo so far. */
  public long hits() {
    return hits.sum();
  }

  boolean remembers(byte[] publicKey, byte[] signature, byte[] message) {
    if (capacity == 0) {
      return false;
    }
    boolean hit = verified.contains(key(publicKey, signature, message));
    if (hit) {
      hits.increment();
    }
    return hit;
  }

  void passed(byte[] publicKey, byte[] signature, byte[] message) {
    if (capacity == 0) {
      return;
    }
    if (verified.size() >= capacity) {
      verified.clear();
    }
    verified.add(key(publicKey, signature, message));
  }

  private static ByteBuffer key(byte[] publicKey, byte[] signature, byte[] message) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      // Lengths first, so that no two different triples hash the same concatenation.
      sha256.update(
          ByteBuffer.allocate(12)
              .putInt(publicKey.length)
              .putInt(signature.length)
              .putInt(message.length)
              .array());
      sha256.update(publicKey);
      sha256.update(signature);
      sha256.update(message);
      return ByteBuffer.wrap(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
