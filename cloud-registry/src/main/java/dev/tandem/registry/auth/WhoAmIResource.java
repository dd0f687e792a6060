package dev.tandem.registry.auth;

import dev.tandem.registry.api.ApiVersion;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/whoami}: who the bearer token stands for; any valid token may ask. */
@Path(ApiVersion.ROOT + "/whoami")
@Tag(name = "api", description = "The API root")
public class WhoAmIResource {

  /**
   * The answer.
   *
   * @param principal the actor recorded for changes made with this token
   * @param roles every role it holds, sorted
   * @param kind {@code API_TOKEN} or {@code DEVICE}
   */
  public record WhoAmI(String principal, Set<String> roles, ResolvedCredential.Kind kind) {}

  private final SecurityIdentity identity;

  WhoAmIResource(SecurityIdentity identity) {
    this.identity = identity;
  }

  @GET
  @Authenticated
  @Produces(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Who the bearer token stands for, and its roles")
  @APIResponse(responseCode = "200", description = "the principal, its roles and kind")
  @APIResponse(responseCode = "401", description = "UNAUTHORIZED: no valid bearer token")
  public WhoAmI whoAmI() {
    ResolvedCredential credential =
        Caller.credential(identity).orElseThrow(() -> new IllegalStateException("no credential"));
    return new WhoAmI(credential.principal(), new TreeSet<>(credential.roles()), credential.kind());
  }
}
