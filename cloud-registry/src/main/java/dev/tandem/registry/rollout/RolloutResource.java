package dev.tandem.registry.rollout;

import dev.tandem.deploy.port.RolloutRecord;
import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/rollouts}: staged, signed model updates (docs/rollouts.md). */
@Path(ApiVersion.ROOT + "/rollouts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "rollouts", description = "Staged model updates to the fleet")
@SecurityRequirement(name = "bearer")
public class RolloutResource {
  /** The most rollouts one list answers. */
  static final int MAX_LIST = 500;

  private final RolloutCreation creation;
  private final RolloutService service;
  private final SecurityIdentity identity;
  private final AuditTrail audit;

  RolloutResource(
      RolloutCreation creation,
      RolloutService service,
      SecurityIdentity identity,
      AuditTrail audit) {
    this.creation = creation;
    this.service = service;
    this.identity = identity;
    this.audit = audit;
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("rollout.created")
  @Operation(
      summary = "Create a rollout of a model version to the devices a selector selects",
      description =
          "Signs the version's targets if needed and starts at the next tick. 404: unknown model"
              + " or version; 409: another unfinished rollout of the model targets some of these"
              + " devices, or an artifact is not uploaded; 400: a bad strategy or variants choice"
              + " (unknown hardware class or variant, or a variant not built for the class),"
              + " naming the field.")
  public RestResponse<RolloutResponse> create(RolloutRequest request) {
    String actor = Caller.name(identity);
    RolloutRecord created = RolloutErrors.translate(() -> creation.create(request, actor));
    audit
        .target("rollout/" + created.id())
        .detail("model", created.spec().model())
        .detail("version", created.spec().version())
        .detail("selector", created.spec().selector());
    return RestResponse.status(
        RestResponse.Status.CREATED,
        RolloutErrors.translate(() -> RolloutResponse.of(service.reader().view(created.id()))));
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "Rollouts, newest first")
  public List<RolloutResponse.Summary> list(
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(MAX_LIST) int limit) {
    return service.reader().list(limit).stream().map(RolloutResponse.Summary::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "One rollout: state, waves, devices per state, reasons, drift, health")
  public RolloutResponse get(@PathParam("id") String id) {
    return RolloutErrors.translate(() -> RolloutResponse.of(service.reader().view(id)));
  }

  @GET
  @Path("{id}/devices")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "Every device of a rollout with its update state and reason")
  public List<RolloutResponse.Device> devices(@PathParam("id") String id) {
    return RolloutErrors.translate(
        () -> service.reader().devices(id).stream().map(RolloutResponse.Device::of).toList());
  }

  @POST
  @Path("{id}/pause")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("rollout.paused")
  @Operation(summary = "Pause: nothing new is sent; updates in flight go on (409 unless RUNNING)")
  public RolloutResponse pause(@PathParam("id") String id) {
    audit.target("rollout/" + id);
    return RolloutErrors.translate(
        () -> RolloutResponse.of(service.engine().pause(id, Caller.name(identity))));
  }

  @POST
  @Path("{id}/resume")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("rollout.resumed")
  @Operation(summary = "Resume a paused rollout; failures so far are accepted (409 unless PAUSED)")
  public RolloutResponse resume(@PathParam("id") String id) {
    audit.target("rollout/" + id);
    return RolloutErrors.translate(
        () -> RolloutResponse.of(service.engine().resume(id, Caller.name(identity))));
  }

  @POST
  @Path("{id}/abort")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("rollout.aborted")
  @Operation(summary = "Abort for good; devices keep what they have (409 once finished)")
  public RolloutResponse abort(@PathParam("id") String id) {
    audit.target("rollout/" + id);
    return RolloutErrors.translate(
        () -> RolloutResponse.of(service.engine().abort(id, Caller.name(identity))));
  }

  @POST
  @Path("{id}/rollback")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("rollout.rolled-back")
  @Operation(
      summary = "Set the previous version on every device the rollout touched",
      description = "409 if already rolled back, or another unfinished rollout holds its devices.")
  public RolloutResponse rollback(@PathParam("id") String id) {
    audit.target("rollout/" + id);
    return RolloutErrors.translate(
        () -> RolloutResponse.of(service.engine().rollback(id, Caller.name(identity))));
  }
}
