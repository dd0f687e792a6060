package dev.tandem.registry.model;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.artifact.ArtifactLimits;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.hardware.HardwareClasses;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** {@code /api/v1/models}: models and their versions. Admins write; viewers read. */
@Path(ApiVersion.ROOT + "/models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models", description = "The model registry: models, versions, variants, aliases")
@APIResponse(responseCode = "401", description = "UNAUTHORIZED: no valid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token lacks the role")
public class ModelResource {
  private final ModelStore models;
  private final ArtifactLimits limits;
  private final HardwareClasses hardwareClasses;
  private final SecurityIdentity identity;
  private final AuditTrail audit;

  ModelResource(
      ModelStore models,
      ArtifactLimits limits,
      HardwareClasses hardwareClasses,
      SecurityIdentity identity,
      AuditTrail audit) {
    this.hardwareClasses = hardwareClasses;
    this.models = models;
    this.limits = limits;
    this.identity = identity;
    this.audit = audit;
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("model.created")
  @Operation(summary = "Register a model")
  @APIResponse(responseCode = "201", description = "the model")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: e.g. a bad name")
  @APIResponse(responseCode = "409", description = "ALREADY_EXISTS: a model has this name")
  public RestResponse<Model> create(@NotNull @Valid CreateModelRequest body, UriInfo uri) {
    Model model = models.createModel(body.name(), body.description(), Caller.name(identity));
    audit.target("model/" + model.name());
    URI location = uri.getBaseUriBuilder().path(ModelResource.class).path(model.name()).build();
    return RestResponse.ResponseBuilder.<Model>created(location).entity(model).build();
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "Every model, by name")
  @APIResponse(responseCode = "200", description = "the models")
  public List<Model> list() {
    return models.listModels();
  }

  @GET
  @Path("{name}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "One model")
  @APIResponse(responseCode = "200", description = "the model")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a bad name")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model")
  public Model get(@PathParam("name") @RegistryName String name) {
    return models.findModel(name).orElseThrow(() -> RegistryException.notFound("model", name));
  }

  @POST
  @Path("{name}/versions")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("model.version.created")
  @Operation(
      summary = "Add a version",
      description =
          "With its model card, lineage and variants; each variant declares the SHA-256 and length"
              + " of the artifact to upload for it.")
  @APIResponse(responseCode = "201", description = "the version")
  @APIResponse(responseCode = "400", description = "VALIDATION_FAILED: a field breaks a rule")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model or parent version")
  @APIResponse(responseCode = "409", description = "ALREADY_EXISTS: the model has this version")
  @APIResponse(
      responseCode = "413",
      description = "ARTIFACT_TOO_LARGE: a variant is larger than the registry accepts")
  public RestResponse<ModelVersion> createVersion(
      @PathParam("name") @RegistryName String name,
      @NotNull @Valid CreateVersionRequest body,
      UriInfo uri) {
    VersionRules.check(body, limits.maxArtifactSize(), hardwareClasses);
    ModelVersion version = models.createVersion(name, body, Caller.name(identity));
    audit.target("model/" + name + "@" + version.version());
    URI location =
        uri.getBaseUriBuilder()
            .path(ModelResource.class)
            .path(name)
            .path("versions")
            .path(version.version())
            .build();
    return RestResponse.ResponseBuilder.<ModelVersion>created(location).entity(version).build();
  }

  @GET
  @Path("{name}/versions")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "The model's versions, newest first")
  @APIResponse(responseCode = "200", description = "the versions")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model")
  public List<ModelVersion> listVersions(@PathParam("name") @RegistryName String name) {
    return models.listVersions(name);
  }

  @GET
  @Path("{name}/versions/{version}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "One version, with its card, lineage and variants")
  @APIResponse(responseCode = "200", description = "the version")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model or version")
  public ModelVersion getVersion(
      @PathParam("name") @RegistryName String name,
      @PathParam("version") @VersionName String version) {
    return models
        .findVersion(name, version)
        .orElseThrow(() -> RegistryException.notFound("version", name + "@" + version));
  }
}
