package dev.tandem.registry.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.artifact.ArtifactUrls;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.ErrorBody;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.error.ValidationFailure;
import dev.tandem.registry.model.ResolvedVariant;
import dev.tandem.registry.model.VariantLookup;
import dev.tandem.registry.signing.SignedTargets;
import dev.tandem.registry.signing.SigningService;
import dev.tandem.registry.signing.repository.Heads;
import dev.tandem.registry.signing.repository.SignedDocument;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/device}: a device, with its device token, asks about itself. */
@Path(ApiVersion.ROOT + "/device")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.DEVICE)
@Tag(name = "device", description = "Endpoints a device calls with its device token")
@SecurityRequirement(name = "bearer")
public class DeviceSelfResource {

  private final DeviceStore devices;
  private final DeviceRegistry registry;
  private final SigningService signing;
  private final SecurityIdentity identity;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final ArtifactUrls urls;
  private final VariantLookup variants;

  DeviceSelfResource(
      DeviceStore devices,
      DeviceRegistry registry,
      SigningService signing,
      SecurityIdentity identity,
      AuditTrail audit,
      ObjectMapper json,
      ArtifactUrls urls,
      VariantLookup variants) {
    this.variants = variants;
    this.devices = devices;
    this.registry = registry;
    this.signing = signing;
    this.identity = identity;
    this.audit = audit;
    this.json = json;
    this.urls = urls;
  }

  @GET
  @Path("desired")
  @Operation(
      summary = "The models this device should run, the signed targets, and newer roots",
      description = "rootVersion: the root the device trusts now; roots after it are included.")
  public DesiredForDevice desired(@QueryParam("rootVersion") @DefaultValue("1") long rootVersion) {
    // Checked here rather than with @Min: a constraint puts the whole call, the fleet's most
    // frequent, behind the method-validation interceptor.
    if (rootVersion < 1) {
      throw new ValidationFailure(
          List.of(new ErrorBody.Violation("rootVersion", "must be greater than or equal to 1")));
    }
    Device device = caller();
    Heads heads = signing.recentHeads();
    ParsedTargets targets = parsed(heads.requireTargets());
    List<DesiredForDevice.DesiredModel> models = new ArrayList<>();
    device
        .desiredModels()
        .forEach(
            (name, version) ->
                models.add(
                    new DesiredForDevice.DesiredModel(
                        name,
                        version,
                        targetFor(
                            targets,
                            name,
                            version,
                            device.desiredVariants().get(name),
                            device.hardwareClass()))));
    models.sort(Comparator.comparing(DesiredForDevice.DesiredModel::name));
    long newestRoot = heads.requireRoot().version();
    // A device at the newest root (the usual case) needs no roots: no query for them.
    List<JsonNode> roots =
        rootVersion >= newestRoot
            ? List.of()
            : signing.rootsAfter(rootVersion).stream().map(d -> parse(d.bytes())).toList();
    return new DesiredForDevice(
        device.id(), models, targets.envelope(), targets.version(), roots, newestRoot);
  }

  /** The calling device, as its token's resolver read it in this request. */
  private Device caller() {
    Object subject = Caller.credential(identity).map(c -> c.subject()).orElse(null);
    if (subject instanceof Device device) {
      return device;
    }
    String id = Caller.name(identity);
    return devices.find(id).orElseThrow(() -> RegistryException.notFound("device", id));
  }

  /**
   * The signed target of the variant a rollout chose for this device ({@code chosen}), or else of
   * the variant built for its hardware class: the first the version declares for it ({@link
   * VariantLookup}). Empty when none fits, the version is not in the registry, or the variant is
   * not signed yet: then the device must install nothing for this model.
   */
  private List<DesiredForDevice.Target> targetFor(
      ParsedTargets targets, String model, String version, String chosen, String hardwareClass) {
    TargetInfo t;
    if (chosen != null) {
      // The rollout signed the variant it chose: as in the desired state it published over MQTT,
      // the signed entry is the authority.
      t = targets.signed().find(model, version, chosen).orElse(null);
    } else {
      Optional<ResolvedVariant> variant = variants.resolve(model, version, hardwareClass);
      if (variant.isEmpty()) {
        return List.of();
      }
      ResolvedVariant v = variant.get();
      t = targets.signed().find(model, v.version(), v.variant()).orElse(null);
      if (t != null && !t.sha256().equals(v.sha256())) {
        t = null;
      }
    }
    if (t == null) {
      return List.of();
    }
    return List.of(
        new DesiredForDevice.Target(
            t.path(), t.variant(), t.length(), t.sha256(), artifactUrl(t.sha256())));
  }

  /**
   * One targets version, indexed and parsed. A signed version never changes, so the last one is
   * kept and reused while it is the newest.
   */
  private record ParsedTargets(SignedTargets signed, JsonNode envelope) {
    long version() {
      return signed.version();
    }
  }

  private volatile ParsedTargets lastTargets;

  private ParsedTargets parsed(SignedDocument document) {
    ParsedTargets last = lastTargets;
    if (last != null && last.version() == document.version()) {
      return last;
    }
    ParsedTargets fresh = new ParsedTargets(SignedTargets.of(document), parse(document.bytes()));
    lastTargets = fresh;
    return fresh;
  }

  @POST
  @Path("credentials")
  @Audited("device.credentials.rotated")
  @Operation(
      summary = "Issue this device new credentials",
      description = "The token used for this call and the old MQTT password stop working at once.")
  public DeviceCredentials rotateCredentials() {
    String id = Caller.name(identity);
    audit.target("device/" + id);
    return registry.rotateCredentials(id);
  }

  /** A presigned download of the content-addressed artifact, or null while it is not stored. */
  private String artifactUrl(String sha256) {
    try {
      return urls.presign(sha256).url().toString();
    } catch (RegistryException e) {
      if (e.code() == ErrorCode.ARTIFACT_NOT_UPLOADED) {
        return null;
      }
      throw e;
    }
  }

  private JsonNode parse(byte[] bytes) {
    try {
      return json.readTree(bytes);
    } catch (IOException e) {
      throw new IllegalStateException("stored metadata is not JSON", e);
    }
  }
}
