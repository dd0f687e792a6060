package dev.tandem.protocol.signing.metadata;

import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;

/** The metadata roles Tandem uses, by their TUF {@code _type} value. */
public enum MetadataType {
  /** Root metadata: the keys and thresholds of every role. */
  ROOT("root"),
  /** Targets metadata: the artifacts the device may install. */
  TARGETS("targets");

  private final String typeName;

  MetadataType(String typeName) {
    this.typeName = typeName;
  }

  /** The value of {@code signed._type}, also the role name in {@code roles}. */
  public String typeName() {
    return typeName;
  }

  /**
   * Checks that {@code actual} (a {@code _type} value) names this type.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#WRONG_TYPE} otherwise
   */
  void require(String actual) {
    if (!typeName.equals(actual)) {
      throw new ProtocolException(
          ProtocolErrorCode.WRONG_TYPE,
          "expected " + typeName + " metadata but signed._type is '" + actual + "'");
    }
  }
}
