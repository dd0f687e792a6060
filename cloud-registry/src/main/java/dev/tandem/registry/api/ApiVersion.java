package dev.tandem.registry.api;

/** The REST API's version and the path every resource of that version lives under. */
public final class ApiVersion {
  /** The version in paths and in {@link ApiInfo#apiVersion()}. */
  public static final String V1 = "v1";

  /** The path prefix of every {@value #V1} resource. */
  public static final String ROOT = "/api/" + V1;

  private ApiVersion() {}
}
