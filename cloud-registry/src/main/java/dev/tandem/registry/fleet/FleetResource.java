package dev.tandem.registry.fleet;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/fleet}: the fleet in aggregate. */
@Path(ApiVersion.ROOT + "/fleet")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.VIEWER)
@Tag(name = "devices", description = "Provisioning, device registry and fleet state")
@SecurityRequirement(name = "bearer")
public class FleetResource {

  private final FleetSummaries summaries;

  FleetResource(FleetSummaries summaries) {
    this.summaries = summaries;
  }

  @GET
  @Path("summary")
  @Operation(summary = "Online, offline and drifted devices, per hardware class and per model")
  public FleetSummary summary() {
    return summaries.summary();
  }
}
