package dev.tandem.sandbox.run;

import dev.tandem.servers.ServerStartException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret made once per data directory and kept in a file readable by its owner only, so a kept
 * sandbox answers to the same secret after a restart.
 */
final class SecretFile {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFile() {}

  /**
   * The secret kept in {@code file}, or a new one ({@code prefix} and 43 URL-safe base64
   * characters: 256 random bits) written there with mode {@code rw-------}.
   *
   * @param what the secret, for the error, e.g. {@code cloud-registry: the admin token}
   * @throws ServerStartException if the file cannot be read or written
   */
  static String loadOrCreate(Path file, String prefix, String what) {
    try {
      if (Files.exists(file)) {
        return read(file);
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      String value = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      try {
        // Created with owner-only permissions, so the secret is never readable by others.
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException e) {
        return read(file);
      }
      Files.writeString(file, value + "\n", StandardOpenOption.TRUNCATE_EXISTING);
      return value;
    } catch (IOException e) {
      throw new ServerStartException(
          "cannot keep " + what + " in " + file + ": " + e.getMessage(), e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).strip();
  }
}
