package dev.tandem.registry.audit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.RegistryException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/audit}: read the audit log, and add operators' notes to it. */
@Path(ApiVersion.ROOT + "/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "Who changed what, and when")
public class AuditResource {
  /** The action recorded for an operator's note. */
  public static final String NOTE_ACTION = "note";

  private final AuditLog log;
  private final SecurityIdentity identity;

  AuditResource(AuditLog log, SecurityIdentity identity) {
    this.log = log;
    this.identity = identity;
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "Audit entries, newest first, optionally about one target")
  public AuditPage list(
      @QueryParam("target") @Size(min = 1, max = AuditLog.MAX_NAME_LENGTH) String target,
      @QueryParam("before") @Min(1) Long before,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AuditLog.MAX_PAGE_SIZE) int limit) {
    return log.page(target, before, limit);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Path("{id}")
  @Operation(summary = "One audit entry")
  public AuditEntry get(@PathParam("id") long id) {
    return log.find(id).orElseThrow(() -> RegistryException.notFound("audit entry", id));
  }

  @POST
  @RolesAllowed(Roles.OPERATOR)
  @Unaudited("the note is itself an audit entry, with the caller as actor")
  @Path("notes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add an operator's note about a target to the audit log",
      description = "The note is itself the audit entry; its actor is the caller's principal.")
  public RestResponse<AuditEntry> addNote(@NotNull @Valid NoteRequest body, UriInfo uri) {
    ObjectNode detail = JsonNodeFactory.instance.objectNode().put("note", body.note());
    AuditEntry entry =
        log.record(Caller.name(identity), NOTE_ACTION, body.target().strip(), detail);
    URI location =
        uri.getBaseUriBuilder().path(AuditResource.class).path(Long.toString(entry.id())).build();
    return RestResponse.ResponseBuilder.<AuditEntry>created(location).entity(entry).build();
  }
}
