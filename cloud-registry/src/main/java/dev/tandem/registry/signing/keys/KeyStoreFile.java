package dev.tandem.registry.signing.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The on-disk form of a key store, {@code tandem-signing-keys/1}: JSON with the KDF parameters and
 * one {@link SealedKey} per key. Written atomically (temporary file, then rename), owner-only.
 *
 * @param salt the PBKDF2 salt
 * @param iterations the PBKDF2 iteration count
 * @param keys the sealed keys, oldest first
 */
record KeyStoreFile(byte[] salt, int iterations, List<SealedKey> keys) {

  static final String FORMAT = "tandem-signing-keys/1";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final HexFormat HEX = HexFormat.of();

  KeyStoreFile {
    salt = salt.clone();
    if (iterations < 1) {
      throw new IllegalArgumentException("kdf iterations must be at least 1, got " + iterations);
    }
    keys = List.copyOf(keys);
  }

  KeyStoreFile with(SealedKey key) {
    List<SealedKey> more = new ArrayList<>(keys);
    more.add(key);
    return new KeyStoreFile(salt, iterations, more);
  }

  /**
   * Reads a key store file.
   *
   * @throws SigningKeyException with {@link SigningKeyException.Reason#MISSING_FILE} or {@link
   *     SigningKeyException.Reason#MALFORMED} naming the file and the problem
   */
  static KeyStoreFile read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SigningKeyException(
          SigningKeyException.Reason.MISSING_FILE, "key store file " + file + " does not exist");
    } catch (AccessDeniedException e) {
      throw new SigningKeyException(
          SigningKeyException.Reason.MALFORMED, "key store file " + file + " is not readable");
    } catch (IOException e) {
      throw new SigningKeyException(
          SigningKeyException.Reason.FAILED,
          "cannot read key store file " + file + ": " + e.getMessage(),
          e);
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw malformed(file, "it is not a JSON object");
      }
      String format = root.path("format").asText("");
      if (!FORMAT.equals(format)) {
        throw malformed(file, "format is '" + format + "', expected '" + FORMAT + "'");
      }
      JsonNode kdf = root.path("kdf");
      if (!Sealer.KDF.equals(kdf.path("algorithm").asText(""))) {
        throw malformed(file, "kdf.algorithm must be " + Sealer.KDF);
      }
      if (!Sealer.CIPHER.equals(root.path("cipher").asText(""))) {
        throw malformed(file, "cipher must be " + Sealer.CIPHER);
      }
      byte[] salt = HEX.parseHex(text(file, kdf, "kdf.salt"));
      int iterations = kdf.path("iterations").asInt(0);
      if (iterations < 1) {
        throw malformed(file, "kdf.iterations must be a positive integer");
      }
      JsonNode array = root.path("keys");
      if (!array.isArray()) {
        throw malformed(file, "keys must be an array");
      }
      List<SealedKey> keys = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        keys.add(key(file, array.get(i), "keys[" + i + "]"));
      }
      return new KeyStoreFile(salt, iterations, keys);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw malformed(file, "it is not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw malformed(file, "it is not JSON (" + e.getMessage() + ")");
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw malformed(file, e.getMessage());
    }
  }

  /** Writes the file atomically, readable by its owner only where the file system allows. */
  void write(Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("cipher", Sealer.CIPHER);
    ObjectNode kdf = root.putObject("kdf");
    kdf.put("algorithm", Sealer.KDF);
    kdf.put("iterations", iterations);
    kdf.put("salt", HEX.formatHex(salt));
    ArrayNode array = root.putArray("keys");
    for (SealedKey key : keys) {
      ObjectNode entry = array.addObject();
      entry.put("keyid", key.keyId());
      entry.put("purpose", key.purpose().label());
      entry.put("public", key.publicKey());
      entry.put("created", key.created().toString());
      entry.put("nonce", key.nonce());
      entry.put("sealed", key.sealed());
    }
    Path absolute = file.toAbsolutePath();
    try {
      Files.createDirectories(absolute.getParent());
      Path temporary = Files.createTempFile(absolute.getParent(), ".keys-", ".tmp");
      try {
        ownerOnly(temporary);
        Files.write(temporary, JSON.writeValueAsBytes(root));
        try {
          Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new SigningKeyException(
          SigningKeyException.Reason.FAILED,
          "cannot write key store file " + file + ": " + e.getMessage(),
          e);
    }
  }

  private static void ownerOnly(Path path) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    }
  }

  private static SealedKey key(Path file, JsonNode node, String where) {
    if (!node.isObject()) {
      throw malformed(file, where + " must be an object");
    }
    try {
      return new SealedKey(
          text(file, node, where + ".keyid", "keyid"),
          KeyPurpose.ofLabel(text(file, node, where + ".purpose", "purpose")),
          text(file, node, where + ".public", "public"),
          Instant.parse(text(file, node, where + ".created", "created")),
          text(file, node, where + ".nonce", "nonce"),
          text(file, node, where + ".sealed", "sealed"));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw malformed(file, where + ": " + e.getMessage());
    }
  }

  private static String text(Path file, JsonNode node, String path) {
    String[] parts = path.split("\\.");
    return text(file, node, path, parts[parts.length - 1]);
  }

  private static String text(Path file, JsonNode node, String path, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      throw malformed(file, path + " must be a non-empty string");
    }
    return value.textValue();
  }

  private static SigningKeyException malformed(Path file, String problem) {
    return new SigningKeyException(
        SigningKeyException.Reason.MALFORMED,
        "key store file " + file + " is not a Tandem key store: " + problem);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyStoreFile other
        && java.util.Arrays.equals(salt, other.salt)
        && iterations == other.iterations
        && keys.equals(other.keys);
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(salt), iterations, keys);
  }

  @Override
  public String toString() {
    return "KeyStoreFile[iterations=" + iterations + ", keys=" + keys.size() + "]";
  }
}
