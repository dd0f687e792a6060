package dev.tandem.protocol.signing.metadata;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The TUF specification version written into metadata, and the check of versions read. */
public final class SpecVersion {

  /** The TUF specification version Tandem metadata follows. */
  public static final String CURRENT = "1.0.31";

  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  private SpecVersion() {}

  /**
   * Checks that {@code specVersion} is {@code MAJOR.MINOR.PATCH} with major version 1; later minor
   * and patch versions are accepted, as TUF clients do.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if not a version,
   *     {@link ProtocolErrorCode#UNSUPPORTED_SPEC_VERSION} if the major version is not 1
   */
  public static void check(String specVersion, String what) {
    if (specVersion == null) {
      throw new ProtocolException(ProtocolErrorCode.MALFORMED_METADATA, what + " is missing");
    }
    Matcher m = SEMVER.matcher(specVersion);
    if (!m.matches()) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA,
          what + " must look like 1.0.31, got '" + specVersion + "'");
    }
    if (!m.group(1).equals("1")) {
      throw new ProtocolException(
          ProtocolErrorCode.UNSUPPORTED_SPEC_VERSION,
          what
              + " '"
              + specVersion
              + "' has major version "
              + m.group(1)
              + "; only 1 is supported");
    }
  }
}
