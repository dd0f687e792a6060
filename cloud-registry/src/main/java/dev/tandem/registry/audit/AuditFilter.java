package dev.tandem.registry.audit;

import dev.tandem.registry.api.ApiVersion;
import dev.tandem.registry.auth.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Records the change an {@link Audited} method made, once it has answered 2xx, with the caller's
 * principal as actor. Failed requests change nothing and are not recorded. The entry is written
 * after the change, outside its transaction: if the database fails in between, the change stands
 * and the failure is logged.
 */
public class AuditFilter {
  private static final Logger LOG = Logger.getLogger(AuditFilter.class);

  private final AuditLog log;
  private final AuditTrail trail;
  private final SecurityIdentity identity;

  AuditFilter(AuditLog log, AuditTrail trail, SecurityIdentity identity) {
    this.log = log;
    this.trail = trail;
    this.identity = identity;
  }

  @ServerResponseFilter
  public void record(
      ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    Audited audited = method == null ? null : method.getAnnotation(Audited.class);
    if (audited == null || response.getStatus() < 200 || response.getStatus() >= 300) {
      return;
    }
    String target = trail.target() != null ? trail.target() : target(request);
    var detail = trail.detail();
    detail.put("method", request.getMethod());
    detail.put("status", response.getStatus());
    try {
      log.record(Caller.name(identity), audited.value(), target, detail);
    } catch (RuntimeException e) {
      LOG.errorf(
          e, "could not record %s of %s by %s", audited.value(), target, Caller.name(identity));
    }
  }

  /** The request path below {@code /api/v1}, e.g. {@code models/anomaly}. */
  private static String target(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String prefix = ApiVersion.ROOT + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }
}
