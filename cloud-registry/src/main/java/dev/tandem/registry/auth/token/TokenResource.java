package dev.tandem.registry.auth.token;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/tokens}: admins create, list and revoke API tokens. */
@Path(ApiVersion.ROOT + "/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "tokens", description = "API tokens of people and services (admin)")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "UNAUTHORIZED: no valid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token is not an admin's")
public class TokenResource {
  private final ApiTokenStore store;
  private final SecurityIdentity identity;
  private final AuditTrail audit;

  TokenResource(ApiTokenStore store, SecurityIdentity identity, AuditTrail audit) {
    this.store = store;
    this.identity = identity;
    this.audit = audit;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("token.created")
  @Operation(
      summary = "Create a token",
      description = "Answers the token itself once; only its SHA-256 is kept.")
  @APIResponse(responseCode = "201", description = "the token and its metadata")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: bad name, role or expiry")
  public RestResponse<CreatedToken> create(@NotNull @Valid CreateTokenRequest body, UriInfo uri) {
    if (body.expiresAt() != null && !body.expiresAt().isAfter(Instant.now())) {
      throw new RegistryException(ErrorCode.VALIDATION_FAILED, "expiresAt must be in the future");
    }
    String token = TokenSecrets.generate();
    ApiToken created =
        store.insert(
            body.name(),
            body.role(),
            TokenSecrets.hash(token),
            Caller.name(identity),
            body.expiresAt());
    audit
        .target("token/" + created.id())
        .detail("name", created.name())
        .detail("role", created.role());
    URI location =
        uri.getBaseUriBuilder().path(TokenResource.class).path(created.id().toString()).build();
    return RestResponse.ResponseBuilder.<CreatedToken>created(location)
        .entity(new CreatedToken(token, created))
        .build();
  }

  @GET
  @Operation(summary = "List tokens, newest first, without their secrets")
  @APIResponse(responseCode = "200", description = "the tokens")
  public List<ApiToken> list(
      @QueryParam("includeRevoked") @DefaultValue("false") boolean includeRevoked) {
    return store.list(includeRevoked);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One token, without its secret")
  @APIResponse(responseCode = "200", description = "the token")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such token")
  public ApiToken get(@PathParam("id") UUID id) {
    return store.find(id).orElseThrow(() -> RegistryException.notFound("token", id));
  }

  @DELETE
  @Path("{id}")
  @Audited("token.revoked")
  @Operation(
      summary = "Revoke a token",
      description = "It stops working at once. Revoking a revoked token changes nothing.")
  @APIResponse(responseCode = "200", description = "the token, revoked")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such token")
  public ApiToken revoke(@PathParam("id") UUID id) {
    ApiToken revoked =
        store
            .revoke(id, Caller.name(identity))
            .orElseThrow(() -> RegistryException.notFound("token", id));
    audit.target("token/" + id).detail("name", revoked.name());
    return revoked;
  }
}
