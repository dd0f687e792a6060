package dev.tandem.registry.signing.keys;

import dev.tandem.protocol.signing.Ed25519Keys;
import dev.tandem.protocol.signing.metadata.Hex;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;

/**
 * A {@link SigningBackend} over a passphrase-protected key store file: Ed25519 seeds sealed with
 * AES-256-GCM under a PBKDF2-HMAC-SHA256 key (see {@link KeyStoreFile}). The keys are opened once,
 * when the store is opened, and held in memory; new keys are written to the file before they are
 * used. Thread-safe.
 */
public final class PassphraseKeyStore implements SigningBackend {

  /** PBKDF2 iterations for new key stores (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final byte[] PROBE =
      "tandem key store probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  private final Path file;
  private final Sealer sealer;
  private final InstantSource clock;
  private KeyStoreFile contents;
  private final Map<String, PrivateKey> privateKeys = new LinkedHashMap<>();
  private volatile List<SigningKey> keys;

  private PassphraseKeyStore(Path file, Sealer sealer, InstantSource clock, KeyStoreFile contents) {
    this.file = file;
    this.sealer = sealer;
    this.clock = clock;
    this.contents = contents;
  }

  /**
   * Creates a new, empty key store file.
   *
   * @throws SigningKeyException if the file exists or cannot be written
   */
  public static PassphraseKeyStore create(
      Path file, char[] passphrase, int iterations, InstantSource clock) {
    requirePassphrase(passphrase);
    if (Files.exists(file)) {
      throw new SigningKeyException(
          SigningKeyException.Reason.FAILED,
          "key store file " + file + " already exists; refusing to overwrite it");
    }
    byte[] salt = Sealer.random(Sealer.SALT_BYTES);
    KeyStoreFile contents = new KeyStoreFile(salt, iterations, List.of());
    contents.write(file);
    PassphraseKeyStore store =
        new PassphraseKeyStore(file, Sealer.derive(passphrase, salt, iterations), clock, contents);
    store.keys = List.of();
    return store;
  }

  /**
   * Opens a key store file and every key in it.
   *
   * @throws SigningKeyException with {@link SigningKeyException.Reason#MISSING_FILE}, {@link
   *     SigningKeyException.Reason#MALFORMED}, {@link SigningKeyException.Reason#WRONG_PASSPHRASE}
   *     (no key opens) or {@link SigningKeyException.Reason#CORRUPT} (some keys do not open, or do
   *     not match their public key)
   */
  public static PassphraseKeyStore open(Path file, char[] passphrase, InstantSource clock) {
    requirePassphrase(passphrase);
    KeyStoreFile contents = KeyStoreFile.read(file);
    Sealer sealer = Sealer.derive(passphrase, contents.salt(), contents.iterations());
    PassphraseKeyStore store = new PassphraseKeyStore(file, sealer, clock, contents);
    store.unsealAll();
    return store;
  }

  @Override
  public String describe() {
    return "key store " + file;
  }

  /** The key store file. */
  public Path file() {
    return file;
  }

  @Override
  public List<SigningKey> keys() {
    return keys;
  }

  @Override
  public byte[] sign(String keyId, byte[] message) {
    PrivateKey key;
    synchronized (this) {
      key = privateKeys.get(keyId);
    }
    if (key == null) {
      throw new SigningKeyException(
          SigningKeyException.Reason.MISSING_KEY, describe() + " holds no key " + keyId);
    }
    try {
      return sign(key, message);
    } catch (GeneralSecurityException e) {
      throw new SigningKeyException(
          SigningKeyException.Reason.FAILED,
          "signing with key " + keyId + " of " + describe() + " failed: " + e.getMessage(),
          e);
    }
  }

  @Override
  public synchronized SigningKey createKey(KeyPurpose purpose) {
    Objects.requireNonNull(purpose, "purpose");
    KeyPair pair = Ed25519Keys.generate();
    MetadataKey publicKey = Ed25519Keys.metadataKey(pair.getPublic());
    Instant created = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] seed = Ed25519Keys.seed(pair.getPrivate());
    try {
      byte[] nonce = Sealer.random(Sealer.NONCE_BYTES);
      byte[] sealed =
          sealer.seal(nonce, seed, SealedKey.associatedData(publicKey.keyId(), purpose));
      SealedKey entry =
          new SealedKey(
              publicKey.keyId(),
              purpose,
              publicKey.publicKey(),
              created,
              Hex.encode(nonce),
              Hex.encode(sealed));
      KeyStoreFile next = contents.with(entry);
      next.write(file);
      contents = next;
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
    privateKeys.put(publicKey.keyId(), pair.getPrivate());
    SigningKey key = new SigningKey(publicKey, purpose, created);
    List<SigningKey> more = new ArrayList<>(keys);
    more.add(key);
    keys = List.copyOf(more);
    return key;
  }

  private synchronized void unsealAll() {
    List<SigningKey> opened = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (SealedKey entry : contents.keys()) {
      byte[] seed = null;
      try {
        seed =
            sealer.open(
                Hex.decode(entry.nonce(), "nonce"),
                Hex.decode(entry.sealed(), "sealed"),
                entry.associatedData());
        PrivateKey privateKey = Ed25519Keys.privateKey(seed);
        MetadataKey publicKey = MetadataKey.ed25519(entry.publicKey());
        if (!publicKey.keyId().equals(entry.keyId()) || !matches(privateKey, publicKey)) {
          throw corrupt("key " + entry.keyId() + " does not match its public key");
        }
        privateKeys.put(entry.keyId(), privateKey);
        opened.add(new SigningKey(publicKey, entry.purpose(), entry.created()));
      } catch (AEADBadTagException e) {
        failed.add(entry.keyId());
      } catch (RuntimeException e) {
        if (e instanceof SigningKeyException) {
          throw e;
        }
        throw corrupt("key " + entry.keyId() + " is damaged: " + e.getMessage());
      } finally {
        if (seed != null) {
          Arrays.fill(seed, (byte) 0);
        }
      }
    }
    if (!failed.isEmpty() && opened.isEmpty()) {
      throw new SigningKeyException(
          SigningKeyException.Reason.WRONG_PASSPHRASE,
          "the passphrase does not open " + describe() + " (wrong passphrase?)");
    }
    if (!failed.isEmpty()) {
      throw corrupt(
          "keys "
              + String.join(", ", failed)
              + " do not open with the passphrase that opens the others; the file was changed");
    }
    keys = List.copyOf(opened);
  }

  private SigningKeyException corrupt(String problem) {
    return new SigningKeyException(
        SigningKeyException.Reason.CORRUPT, describe() + " is corrupt: " + problem);
  }

  private static boolean matches(PrivateKey privateKey, MetadataKey publicKey) {
    try {
      byte[] signature = sign(privateKey, PROBE);
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(Ed25519Keys.publicKey(publicKey));
      verifier.update(PROBE);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static byte[] sign(PrivateKey key, byte[] message) throws GeneralSecurityException {
    Signature signature = Signature.getInstance("Ed25519");
    signature.initSign(key);
    signature.update(message);
    return signature.sign();
  }

  private static void requirePassphrase(char[] passphrase) {
    if (passphrase == null || passphrase.length == 0) {
      throw new SigningKeyException(
          SigningKeyException.Reason.WRONG_PASSPHRASE, "the key store passphrase is empty");
    }
  }
}
