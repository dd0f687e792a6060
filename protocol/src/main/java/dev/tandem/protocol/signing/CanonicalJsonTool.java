package dev.tandem.protocol.signing;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.json.CanonicalJson;
import dev.tandem.protocol.signing.metadata.MetadataKey;
import dev.tandem.protocol.signing.metadata.RootMetadata;
import dev.tandem.protocol.signing.metadata.SignedEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line helper for checking Tandem signatures with other tools such as OpenSSL; see
 * docs/signing-openssl.md. Writes raw bytes or one line of hex to standard output.
 *
 * <pre>
 * canonical  FILE|-        canonical (RFC 8785) bytes of any JSON document
 * signed     FILE|-        canonical bytes of an envelope's "signed" object: what signatures cover
 * signature  FILE|- KEYID  hex signature made by KEYID in an envelope
 * public-key FILE|- KEYID  hex raw public key of KEYID in a root metadata envelope
 * keyid      HEX           key id of the Ed25519 public key with raw bytes HEX
 * </pre>
 */
public final class CanonicalJsonTool {

  static final int OK = 0;
  static final int REFUSED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT =
      String.join(
          System.lineSeparator(),
          "usage: CanonicalJsonTool COMMAND ARGS",
          "  canonical  FILE|-        canonical (RFC 8785) bytes of a JSON document",
          "  signed     FILE|-        canonical bytes of an envelope's \"signed\" object",
          "  signature  FILE|- KEYID  hex signature by KEYID in an envelope",
          "  public-key FILE|- KEYID  hex raw public key of KEYID in a root envelope",
          "  keyid      HEX           key id of an Ed25519 public key given as 64 hex chars");

  private CanonicalJsonTool() {}

  /** Runs the tool and exits with 0 on success, 1 if the input is refused, 2 on bad usage. */
  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /** Runs the tool against the given streams and returns the exit status. */
  static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String command = args[0];
    int expectedArgs =
        switch (command) {
          case "canonical", "signed", "keyid" -> 2;
          case "signature", "public-key" -> 3;
          default -> -1;
        };
    if (expectedArgs != args.length) {
      err.println(
          expectedArgs < 0
              ? "unknown command '" + command + "'"
              : "wrong number of arguments for '" + command + "'");
      err.println(USAGE_TEXT);
      return USAGE;
    }
    try {
      byte[] output =
          switch (command) {
            case "canonical" -> CanonicalJson.canonicalize(read(args[1], stdin));
            case "signed" -> envelope(args[1], stdin).canonicalSigned();
            case "signature" -> line(signature(envelope(args[1], stdin), args[2]));
            case "public-key" -> line(publicKey(envelope(args[1], stdin), args[2]));
            default -> line(MetadataKey.ed25519(args[1]).keyId());
          };
      out.write(output);
      out.flush();
      return OK;
    } catch (ProtocolException e) {
      err.println("refused (" + e.code() + "): " + e.getMessage());
      return REFUSED;
    } catch (IOException e) {
      err.println("cannot read " + args[1] + ": " + e.getMessage());
      return REFUSED;
    }
  }

  private static SignedEnvelope envelope(String file, InputStream stdin) throws IOException {
    return SignedEnvelope.parse(read(file, stdin), file);
  }

  private static String signature(SignedEnvelope envelope, String keyId) {
    return envelope
        .signatureBy(keyId)
        .orElseThrow(
            () ->
                new ProtocolException(
                    ProtocolErrorCode.UNKNOWN_KEY, "envelope has no signature by key " + keyId))
        .sig();
  }

  private static String publicKey(SignedEnvelope envelope, String keyId) {
    MetadataKey key = RootMetadata.fromJson(envelope.signed()).keys().get(keyId);
    if (key == null) {
      throw new ProtocolException(
          ProtocolErrorCode.UNKNOWN_KEY, "root metadata lists no key " + keyId);
    }
    return key.publicKey();
  }

  private static byte[] read(String file, InputStream stdin) throws IOException {
    return file.equals("-") ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
  }

  private static byte[] line(String text) {
    return (text + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
