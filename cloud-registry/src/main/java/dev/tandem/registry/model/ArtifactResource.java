package dev.tandem.registry.model;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.artifact.ArtifactStore;
import dev.tandem.registry.artifact.ArtifactUrls;
import dev.tandem.registry.artifact.PresignedUrl;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.cache.SettledAnswers;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A variant's artifact: upload it (admin), get a presigned download URL for it (viewer). */
@Path(ApiVersion.ROOT + "/models/{name}/versions/{version}/variants/{variant}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "models")
@APIResponse(responseCode = "401", description = "UNAUTHORIZED: no valid bearer token")
@APIResponse(responseCode = "403", description = "FORBIDDEN: the token lacks the role")
public class ArtifactResource {
  private final ModelStore models;
  private final ArtifactStore artifacts;
  private final ArtifactUrls urls;
  private final SecurityIdentity identity;
  private final AuditTrail audit;

  ArtifactResource(
      ModelStore models,
      ArtifactStore artifacts,
      ArtifactUrls urls,
      SecurityIdentity identity,
      AuditTrail audit) {
    this.models = models;
    this.artifacts = artifacts;
    this.urls = urls;
    this.identity = identity;
    this.audit = audit;
  }

  @PUT
  @Path("artifact")
  @RolesAllowed(Roles.ADMIN)
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  @Audited("model.artifact.uploaded")
  @Operation(
      summary = "Upload the variant's artifact",
      description =
          "The body is streamed to the object store and must have the SHA-256 and length the"
              + " variant declares; otherwise nothing is stored. Content stored already (by any"
              + " variant) is checked and not stored twice.")
  @APIResponse(responseCode = "200", description = "stored, or stored already")
  @APIResponse(
      responseCode = "400",
      description = "DIGEST_MISMATCH or LENGTH_MISMATCH: not the declared bytes; nothing stored")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model, version or variant")
  @APIResponse(
      responseCode = "413",
      description = "ARTIFACT_TOO_LARGE: larger than tandem.registry.max-artifact-size")
  public ArtifactStore.Stored upload(
      @PathParam("name") @RegistryName String name,
      @PathParam("version") @VersionName String version,
      @PathParam("variant") @RegistryName String variant,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
      InputStream body) {
    Variant declared = variant(name, version, variant);
    ArtifactStore.Stored stored =
        artifacts.upload(
            declared.sha256(), declared.length(), contentLength, body, Caller.name(identity));
    audit
        .target("model/" + name + "@" + version + "/" + variant)
        .detail("sha256", stored.sha256())
        .detail("length", stored.length());
    return stored;
  }

  @GET
  @Path("download")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      summary = "A presigned, short-lived URL to download the variant's artifact",
      description = "Valid for tandem.registry.download-url-ttl; needs no credentials.")
  @APIResponse(responseCode = "200", description = "the URL, its expiry, digest and length")
  @APIResponse(responseCode = "404", description = "NOT_FOUND: no such model, version or variant")
  @APIResponse(
      responseCode = "409",
      description = "ARTIFACT_NOT_UPLOADED: the artifact has not been uploaded")
  public PresignedUrl download(
      @PathParam("name") @RegistryName String name,
      @PathParam("version") @VersionName String version,
      @PathParam("variant") @RegistryName String variant) {
    VariantKey key = new VariantKey(name, version, variant);
    Variant uploaded = uploadedVariants.get(key);
    if (uploaded != null) {
      return urls.presign(uploaded.sha256());
    }
    Variant declared = variant(name, version, variant);
    if (!declared.uploaded()) {
      throw new RegistryException(
          ErrorCode.ARTIFACT_NOT_UPLOADED,
          "the artifact of " + name + "@" + version + "/" + variant + " has not been uploaded");
    }
    // Versions never change and an uploaded artifact stays uploaded: settled.
    uploadedVariants.put(key, declared);
    return urls.presign(declared.sha256());
  }

  private record VariantKey(String model, String version, String variant) {}

  /** The most uploaded variants kept for {@link #download}. */
  static final int MAX_KEPT_VARIANTS = 10_000;

  private final SettledAnswers<VariantKey, Variant> uploadedVariants =
      new SettledAnswers<>(MAX_KEPT_VARIANTS);

  private Variant variant(String name, String version, String variant) {
    return models
        .findVariant(name, version, variant)
        .orElseThrow(
            () -> RegistryException.notFound("variant", name + "@" + version + "/" + variant));
  }
}
