package dev.tandem.registry.signing.keys;

import java.util.Locale;

/** What a signing key is for: the metadata role it is created to sign. */
public enum KeyPurpose {
  /** Signs root metadata: the keys and thresholds of every role. */
  ROOT,
  /** Signs targets metadata: the artifacts devices may install. */
  TARGETS;

  /** The lower-case name used in key store files and the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The purpose with this label.
   *
   * @throws IllegalArgumentException naming the label if there is none
   */
  public static KeyPurpose ofLabel(String label) {
    for (KeyPurpose purpose : values()) {
      if (purpose.label().equals(label)) {
        return purpose;
      }
    }
    throw new IllegalArgumentException("unknown key purpose '" + label + "'; use root or targets");
  }
}
