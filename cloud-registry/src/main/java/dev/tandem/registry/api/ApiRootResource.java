package dev.tandem.registry.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1}: which service and version answers. */
@Path(ApiVersion.ROOT)
@Tag(name = "api", description = "The API root")
public class ApiRootResource {
  static final String SERVICE = "tandem-cloud-registry";

  private final ApiInfo info;

  ApiRootResource(@ConfigProperty(name = "quarkus.application.version") String version) {
    this.info = new ApiInfo(SERVICE, version, ApiVersion.V1);
  }

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Which service, build version and API version answers")
  public ApiInfo root() {
    return info;
  }
}
