package dev.tandem.registry.signing;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.audit.Unaudited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.signing.repository.SignedDocument;
import dev.tandem.registry.signing.repository.SigningPolicy;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/signing}: the signed root and targets metadata (viewers and devices), and the
 * changes to it (admins). Documents are answered as exactly the bytes that were signed and stored.
 */
@Path(ApiVersion.ROOT + "/signing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "signing", description = "TUF-style signed metadata: root keys and signed targets")
@SecurityRequirement(name = "bearer")
public class SigningResource {

  /** The response header carrying a document's metadata version. */
  public static final String VERSION_HEADER = "X-Tandem-Metadata-Version";

  private static final String AUDITED_BY_SERVICE =
      "SigningService audits every signing change with the caller as actor, also for changes that"
          + " do not come through the API";

  private final SigningService signing;
  private final SigningPolicy policy;
  private final SecurityIdentity identity;

  SigningResource(SigningService signing, SigningPolicy policy, SecurityIdentity identity) {
    this.signing = signing;
    this.policy = policy;
    this.identity = identity;
  }

  @GET
  @Path("root")
  @RolesAllowed({Roles.VIEWER, Roles.DEVICE})
  @Operation(summary = "The newest signed root metadata")
  public RestResponse<byte[]> latestRoot() {
    return document(signing.latestRoot());
  }

  @GET
  @Path("root/{version}")
  @RolesAllowed({Roles.VIEWER, Roles.DEVICE})
  @Operation(summary = "One version of the signed root metadata; devices walk them in order")
  public RestResponse<byte[]> root(@PathParam("version") long version) {
    return document(
        signing
            .root(version)
            .orElseThrow(() -> RegistryException.notFound("root version", version)));
  }

  @GET
  @Path("targets")
  @RolesAllowed({Roles.VIEWER, Roles.DEVICE})
  @Operation(summary = "The current signed targets metadata, exactly as signed")
  public RestResponse<byte[]> targets() {
    return document(signing.targets());
  }

  @POST
  @Path("targets")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Unaudited(AUDITED_BY_SERVICE)
  @Operation(summary = "List artifacts in a new signed targets version")
  public MetadataSummary addTargets(@NotNull @Valid AddTargetsRequest body) {
    var targets = body.targets().stream().map(TargetRequest::toTarget).toList();
    var change = signing.addTargets(targets, Caller.name(identity));
    return MetadataSummary.of(change.targets(), change.paths(), change.changed());
  }

  @DELETE
  @Path("targets/{path: .+}")
  @RolesAllowed(Roles.ADMIN)
  @Unaudited(AUDITED_BY_SERVICE)
  @Operation(summary = "Remove one artifact in a new signed targets version")
  public MetadataSummary removeTarget(@PathParam("path") String path) {
    var change = signing.removeTargets(List.of(path), Caller.name(identity));
    return MetadataSummary.of(change.targets(), change.paths(), change.changed());
  }

  @POST
  @Path("root/rotate")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Unaudited(AUDITED_BY_SERVICE)
  @Operation(
      summary = "Replace the root keys",
      description =
          "Creates new root keys and signs the next root with the threshold of the old and the new"
              + " keys.")
  public MetadataSummary rotateRoot(@Valid RotationRequest body) {
    int keys = count(body, policy.rootKeys());
    int threshold = threshold(body, keys, policy.rootThreshold());
    SignedDocument root = signing.rotateRootKeys(keys, threshold, Caller.name(identity));
    return MetadataSummary.of(root, List.of(), true);
  }

  @POST
  @Path("targets/rotate-keys")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  @Unaudited(AUDITED_BY_SERVICE)
  @Operation(
      summary = "Replace the targets keys",
      description =
          "Creates new targets keys, signs the next root trusting them, and signs the targets again"
              + " with them; answers the new root version.")
  public MetadataSummary rotateTargetsKeys(@Valid RotationRequest body) {
    int keys = count(body, policy.targetsKeys());
    int threshold = threshold(body, keys, policy.targetsThreshold());
    var rotation = signing.rotateTargetsKeys(keys, threshold, Caller.name(identity));
    return MetadataSummary.of(rotation.root(), List.of(), true);
  }

  private static int count(RotationRequest body, int configured) {
    return body == null || body.keys() == null ? configured : body.keys();
  }

  private static int threshold(RotationRequest body, int keys, int configured) {
    int threshold =
        body == null || body.threshold() == null ? Math.min(configured, keys) : body.threshold();
    if (threshold > keys) {
      throw new RegistryException(
          ErrorCode.VALIDATION_FAILED,
          "threshold " + threshold + " can never be met by " + keys + " keys");
    }
    return threshold;
  }

  private static RestResponse<byte[]> document(SignedDocument document) {
    return RestResponse.ResponseBuilder.ok(document.bytes(), MediaType.APPLICATION_JSON_TYPE)
        .header(VERSION_HEADER, document.version())
        .build();
  }
}
