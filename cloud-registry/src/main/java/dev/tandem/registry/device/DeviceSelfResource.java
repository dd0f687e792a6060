package dev.tandem.registry.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.signing.metadata.TargetsMetadata;
import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.artifact.ArtifactUrls;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.auth.Caller;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.signing.SigningService;
import dev.tandem.registry.signing.repository.Heads;
import dev.tandem.registry.signing.repository.SignedDocument;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Min;
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

  DeviceSelfResource(
      DeviceStore devices,
      DeviceRegistry registry,
      SigningService signing,
      SecurityIdentity identity,
      AuditTrail audit,
      ObjectMapper json,
      ArtifactUrls urls) {
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
  public DesiredForDevice desired(
      @QueryParam("rootVersion") @DefaultValue("1") @Min(1) long rootVersion) {
    String id = Caller.name(identity);
    Device device = devices.find(id).orElseThrow(() -> RegistryException.notFound("device", id));
    Heads heads = signing.heads();
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
                        targets.metadata().targets().values().stream()
                            .filter(t -> t.model().equals(name) && t.version().equals(version))
                            .sorted(Comparator.comparing(t -> t.path()))
                            .map(
                                t ->
                                    new DesiredForDevice.Target(
                                        t.path(),
                                        t.variant(),
                                        t.length(),
                                        t.sha256(),
                                        artifactUrl(t.sha256())))
                            .toList())));
    models.sort(Comparator.comparing(DesiredForDevice.DesiredModel::name));
    long newestRoot = heads.requireRoot().version();
    // A device at the newest root (the usual case) needs no roots: no query for them.
    List<JsonNode> roots =
        rootVersion >= newestRoot
            ? List.of()
            : signing.rootsAfter(rootVersion).stream().map(d -> parse(d.bytes())).toList();
    return new DesiredForDevice(
        id, models, targets.envelope(), targets.metadata().version(), roots, newestRoot);
  }

  /**
   * One targets version, parsed. A signed version never changes, so the last one parsed is kept and
   * reused while it is the newest.
   */
  private record ParsedTargets(long version, TargetsMetadata metadata, JsonNode envelope) {}

  private volatile ParsedTargets lastTargets;

  private ParsedTargets parsed(SignedDocument document) {
    ParsedTargets last = lastTargets;
    if (last != null && last.version() == document.version()) {
      return last;
    }
    ParsedTargets fresh =
        new ParsedTargets(document.version(), document.targetsMetadata(), parse(document.bytes()));
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
