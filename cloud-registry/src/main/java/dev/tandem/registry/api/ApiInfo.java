package dev.tandem.registry.api;

import java.util.Objects;

/**
 * What {@code GET /api/v1} answers.
 *
 * @param service always {@value ApiRootResource#SERVICE}
 * @param version the build's version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param apiVersion the REST API's version, {@value ApiVersion#V1}
 */
public record ApiInfo(String service, String version, String apiVersion) {
  public ApiInfo {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(apiVersion, "apiVersion");
  }
}
