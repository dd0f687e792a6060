package dev.tandem.registry.device;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.RegistryException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/enrollment-tokens}: operators create single-use tokens that enroll devices. */
@Path(ApiVersion.ROOT + "/enrollment-tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "devices", description = "Provisioning, device registry and fleet state")
@SecurityRequirement(name = "bearer")
public class EnrollmentTokenResource {

  private final DeviceRegistry registry;
  private final EnrollmentTokens tokens;
  private final SecurityIdentity identity;
  private final AuditTrail audit;
  private final InstantSource clock;

  EnrollmentTokenResource(
      DeviceRegistry registry,
      EnrollmentTokens tokens,
      SecurityIdentity identity,
      AuditTrail audit,
      InstantSource clock) {
    this.registry = registry;
    this.tokens = tokens;
    this.identity = identity;
    this.audit = audit;
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("enrollment-token.created")
  @Operation(
      summary = "Create a single-use enrollment token",
      description = "Answers the token itself once; only its SHA-256 is kept.")
  public RestResponse<CreatedEnrollmentToken> create(
      @NotNull @Valid Requests.CreateEnrollmentToken body) {
    CreatedEnrollmentToken created =
        registry.createEnrollmentToken(
            body.hardwareClass(),
            body.groups(),
            body.tags(),
            body.validForDuration(),
            Caller.name(identity));
    audit
        .target("enrollment-token/" + created.enrollment().id())
        .detail("hardwareClass", created.enrollment().hardwareClass())
        .detail("expiresAt", created.enrollment().expiresAt().toString());
    return RestResponse.status(RestResponse.Status.CREATED, created);
  }

  @GET
  @Operation(summary = "Enrollment tokens, newest first, without their secrets")
  public List<EnrollmentToken> list(
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    return tokens.list(limit);
  }

  @DELETE
  @Path("{id}")
  @Audited("enrollment-token.revoked")
  @Operation(summary = "Revoke an unused enrollment token")
  public EnrollmentToken revoke(@PathParam("id") UUID id) {
    audit.target("enrollment-token/" + id);
    return tokens
        .revoke(id, Caller.name(identity), clock.instant())
        .orElseThrow(() -> RegistryException.notFound("enrollment token", id));
  }
}
