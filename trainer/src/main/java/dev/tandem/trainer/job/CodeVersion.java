package dev.tandem.trainer.job;

/**
 * The trainer's code version for lineage: {@code TANDEM_CODE_VERSION} (a CI sets it to {@code
 * git:<sha>}), else the system property {@code tandem.code-version}, else the jar's version.
 */
public final class CodeVersion {
  private CodeVersion() {}

  public static String current() {
    String env = System.getenv("TANDEM_CODE_VERSION");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    String property = System.getProperty("tandem.code-version");
    if (property != null && !property.isBlank()) {
      return property.trim();
    }
    String jar = CodeVersion.class.getPackage().getImplementationVersion();
    return "tandem-trainer:" + (jar == null ? "development" : jar);
  }
}
