package dev.tandem.registry.device;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.audit.AuditTrail;
import dev.tandem.registry.audit.Audited;
import dev.tandem.registry.audit.Unaudited;
import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.device.selector.InvalidSelectorException;
import dev.tandem.registry.device.selector.Selector;
import dev.tandem.registry.device.selector.SelectorParser;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * {@code /api/v1/devices}: the device registry for people (viewers read, operators change), and the
 * one endpoint a new device calls without credentials, {@code POST /api/v1/devices/enroll}.
 */
@Path(ApiVersion.ROOT + "/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "devices", description = "Provisioning, device registry and fleet state")
@SecurityRequirement(name = "bearer")
public class DeviceResource {

  private final DeviceRegistry registry;
  private final DeviceStore devices;
  private final AuditTrail audit;

  DeviceResource(DeviceRegistry registry, DeviceStore devices, AuditTrail audit) {
    this.registry = registry;
    this.devices = devices;
    this.audit = audit;
  }

  @POST
  @Path("enroll")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Unaudited("DeviceRegistry audits every enrollment with the enrollment token as actor")
  @Operation(
      summary = "Exchange an enrollment token for a device identity (no API token needed)",
      description =
          "Single-use: the first exchange wins, every later or concurrent one is refused with"
              + " ENROLLMENT_TOKEN_USED. Answers the device token and MQTT password once.")
  public RestResponse<Enrollment> enroll(@NotNull @Valid Requests.Enroll body) {
    return RestResponse.status(
        RestResponse.Status.CREATED, registry.enroll(body.enrollmentToken(), body.deviceId()));
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      summary = "Devices a selector selects, by id, e.g. selector=hardware=coral,group=line-1")
  public DevicePage list(
      @QueryParam("selector") String selector,
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(DeviceStore.MAX_PAGE_SIZE) int limit) {
    return devices.list(parse(selector), after, limit);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "One device with its reported state, desired models and drift")
  public Device get(@PathParam("id") String id) {
    return devices.find(id).orElseThrow(() -> RegistryException.notFound("device", id));
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("device.relabelled")
  @Operation(summary = "Change a device's hardware class, groups or tags")
  public Device relabel(@PathParam("id") String id, @NotNull Requests.Relabel body) {
    audit.target("device/" + id);
    return registry.relabel(id, body.hardwareClass(), body.groups(), body.tags());
  }

  @PUT
  @Path("{id}/desired")
  @RolesAllowed(Roles.OPERATOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("device.desired.set")
  @Operation(summary = "Set the models (name to version) a device should run")
  public Device setDesired(
      @PathParam("id") String id, @NotNull @Valid Requests.DesiredModels body) {
    audit.target("device/" + id);
    return registry.setDesired(id, body.models());
  }

  @POST
  @Path("{id}/credentials")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("device.credentials.rotated")
  @Operation(
      summary = "Issue new credentials to a device",
      description = "The old device token and MQTT password stop working at once.")
  public DeviceCredentials rotateCredentials(@PathParam("id") String id) {
    audit.target("device/" + id);
    return registry.rotateCredentials(id);
  }

  @POST
  @Path("{id}/decommission")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("device.decommissioned")
  @Operation(summary = "Decommission a device: its credentials stop working for good")
  public Device decommission(@PathParam("id") String id) {
    audit.target("device/" + id);
    return registry.decommission(id);
  }

  static Selector parse(String selector) {
    try {
      return SelectorParser.parse(selector);
    } catch (InvalidSelectorException e) {
      throw new RegistryException(ErrorCode.INVALID_SELECTOR, e.getMessage(), e);
    }
  }
}
