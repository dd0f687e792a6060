package dev.tandem.registry.model;

/** The forms of names in the model registry, as regular expressions for {@code @Pattern}. */
public final class Names {
  /** Models, variants, formats, hardware classes and aliases: lower case, 1 to 63 characters. */
  public static final String NAME = "[a-z0-9][a-z0-9._-]{0,62}";

  /** What a {@link #NAME} must be, for error messages. */
  public static final String NAME_RULE =
      "must be 1 to 63 of a-z 0-9 . _ - starting with a letter or digit";

  /** Versions: semantic versions ({@code 1.4.0-rc.1+build.7}) or any increasing label. */
  public static final String VERSION = "[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}";

  /** What a {@link #VERSION} must be, for error messages. */
  public static final String VERSION_RULE =
      "must be 1 to 64 of A-Z a-z 0-9 . + _ - starting with a letter or digit";

  /** Keys of metrics and training parameters. */
  public static final String KEY = "[A-Za-z][A-Za-z0-9._-]{0,63}";

  private Names() {}
}
