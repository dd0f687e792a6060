package dev.tandem.registry.model;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.RegistryException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/models/{name}/aliases}: names such as {@code production} for versions. */
@Path(ApiVersion.ROOT + "/models/{name}/aliases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
@APIResponse(responseCode = "401", description = "UNAUTHORIZED: no valid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token lacks the role")
public class AliasResource {
  private final AliasStore aliases;
  private final SecurityIdentity identity;
  private final AuditTrail audit;

  AliasResource(AliasStore aliases, SecurityIdentity identity, AuditTrail audit) {
    this.aliases = aliases;
    this.identity = identity;
    this.audit = audit;
  }

  @PUT
  @Path("{alias}")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("model.alias.moved")
  @Operation(
      summary = "Point an alias at a version",
      description = "Creates the alias or moves it; every move is kept in its history.")
  @APIResponse(responseCode = "200", description = "the alias as it is now")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a bad alias or version")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model or version")
  public Alias move(
      @PathParam("name") @RegistryName String name,
      @PathParam("alias") @RegistryName String alias,
      @NotNull @Valid SetAliasRequest body) {
    Alias moved = aliases.move(name, alias, body.version(), Caller.name(identity));
    audit.target("model/" + name + ":" + alias).detail("version", moved.version());
    return moved;
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "The model's aliases")
  @APIResponse(responseCode = "200", description = "the aliases, by name")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model")
  public List<Alias> list(@PathParam("name") @RegistryName String name) {
    return aliases.list(name);
  }

  @GET
  @Path("{alias}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "Where an alias points")
  @APIResponse(responseCode = "200", description = "the alias")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model or alias")
  public Alias get(
      @PathParam("name") @RegistryName String name,
      @PathParam("alias") @RegistryName String alias) {
    return aliases
        .find(name, alias)
        .orElseThrow(() -> RegistryException.notFound("alias", name + ":" + alias));
  }

  @GET
  @Path("{alias}/history")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "Every move of an alias, newest first: who, when, from, to")
  @APIResponse(responseCode = "200", description = "the moves")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model or alias")
  public List<AliasMove> history(
      @PathParam("name") @RegistryName String name,
      @PathParam("alias") @RegistryName String alias) {
    return aliases.history(name, alias);
  }
}
