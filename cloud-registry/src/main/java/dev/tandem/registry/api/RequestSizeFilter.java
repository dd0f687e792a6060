package dev.tandem.registry.api;

import dev.tandem.registry.error.ErrorBody;
import dev.tandem.registry.error.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses bodies larger than {@value #MAX_BODY} bytes, by their {@code Content-Length} before they
 * are read or, for chunked bodies, as soon as they pass the limit; except artifact uploads, which
 * stream and have their own limit. The server-wide limit ({@code
 * quarkus.http.limits.max-body-size}) is set above the largest artifact, so without this a JSON
 * endpoint would buffer gigabytes.
 */
public class RequestSizeFilter {
  /** The largest body of an endpoint other than an artifact upload. */
  public static final long MAX_BODY = 1024 * 1024;

  @ServerRequestFilter(preMatching = true)
  public RestResponse<ErrorBody> refuseLargeBodies(ContainerRequestContext request) {
    if (isArtifactUpload(request)) {
      return null;
    }
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      // A chunked (or HTTP/2) body without a length says its size only at its end: count it as it
      // is read.
      request.setEntityStream(new BoundedInputStream(request.getEntityStream(), MAX_BODY));
      return null;
    }
    long bytes;
    try {
      bytes = Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return null; // the HTTP server refuses a malformed Content-Length itself
    }
    if (bytes <= MAX_BODY) {
      return null;
    }
    return tooLarge("the body has " + bytes + " bytes; this endpoint accepts at most " + MAX_BODY);
  }

  static RestResponse<ErrorBody> tooLarge(String what) {
    return RestResponse.ResponseBuilder.<ErrorBody>create(ErrorCode.PAYLOAD_TOO_LARGE.status())
        .entity(ErrorBody.of(ErrorCode.PAYLOAD_TOO_LARGE, what))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static boolean isArtifactUpload(ContainerRequestContext request) {
    return "PUT".equals(request.getMethod())
        && request.getUriInfo().getPath().startsWith(ApiVersion.ROOT + "/models/")
        && request.getUriInfo().getPath().endsWith("/artifact");
  }
}
