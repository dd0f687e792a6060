package dev.tandem.registry.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become HTTP answers. Every answer is an {@link ErrorBody} with the
 * status of its {@link ErrorCode}; the message never holds a stack trace, a class name or the text
 * of a library's exception. Faults of the server are logged in full under a reference that the
 * answer quotes.
 */
public class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  public RestResponse<ErrorBody> registry(RegistryException e, Request request, UriInfo uri) {
    ErrorCode code = e.code();
    if (code == ErrorCode.INTERNAL_ERROR) {
      return internalError(e, request, uri);
    }
    if (e instanceof ValidationFailure failure) {
      return answer(code, new ErrorBody(code.code(), e.getMessage(), failure.violations()));
    }
    if (code.retriable()) {
      LOG.warnf("%s %s answered %s: %s", request.getMethod(), uri.getPath(), code, rootCause(e));
    }
    return answer(code, e.getMessage());
  }

  @ServerExceptionMapper
  public RestResponse<ErrorBody> constraintViolation(
      ConstraintViolationException e, Request request, UriInfo uri) {
    var violations = e.getConstraintViolations();
    if (violations.stream().anyMatch(ErrorMappers::onReturnValue)) {
      return internalError(e, request, uri);
    }
    List<ErrorBody.Violation> listed =
        violations.stream()
            .map(v -> new ErrorBody.Violation(field(v), v.getMessage()))
            .sorted(Comparator.comparing(ErrorBody.Violation::field))
            .toList();
    String message =
        "request is invalid: "
            + listed.stream()
                .map(v -> v.field() + " " + v.message())
                .collect(Collectors.joining("; "));
    return answer(
        ErrorCode.VALIDATION_FAILED,
        new ErrorBody(ErrorCode.VALIDATION_FAILED.code(), message, listed));
  }

  /** No credentials, or credentials that no resolver accepts: 401 with a Bearer challenge. */
  @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
  public RestResponse<ErrorBody> unauthenticated(RuntimeException e, HttpHeaders headers) {
    String message =
        headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
            ? "this endpoint needs a bearer token: send Authorization: Bearer <token>"
            : "the bearer token is unknown, revoked or expired";
    return RestResponse.ResponseBuilder.<ErrorBody>create(ErrorCode.UNAUTHORIZED.status())
        .entity(ErrorBody.of(ErrorCode.UNAUTHORIZED, message))
        .type(MediaType.APPLICATION_JSON_TYPE)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .build();
  }

  /** Valid credentials without the role the endpoint needs. */
  @ServerExceptionMapper
  public RestResponse<ErrorBody> forbidden(ForbiddenException e) {
    return answer(ErrorCode.FORBIDDEN, "the caller's roles do not allow this");
  }

  /** A broken constraint declaration, not a bad request. */
  @ServerExceptionMapper
  public RestResponse<ErrorBody> invalidConstraints(
      ValidationException e, Request request, UriInfo uri) {
    return internalError(e, request, uri);
  }

  @ServerExceptionMapper({
    JsonProcessingException.class,
    JsonParseException.class,
    JsonMappingException.class,
    MismatchedInputException.class,
    InvalidFormatException.class,
    ValueInstantiationException.class
  })
  public RestResponse<ErrorBody> malformedJson(JsonProcessingException e) {
    // Reading the body can fail for reasons of our own, e.g. a body past its size limit.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof RegistryException own) {
        return answer(own.code(), own.getMessage());
      }
      if (cause == cause.getCause()) {
        break;
      }
    }
    return answer(ErrorCode.MALFORMED_REQUEST, describeMalformed(e));
  }

  /** Errors the framework raises (no route, wrong method, bad parameter), at their own status. */
  @ServerExceptionMapper
  public RestResponse<ErrorBody> webApplication(
      WebApplicationException e, Request request, UriInfo uri, HttpHeaders headers) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json);
    }
    int status = e.getResponse().getStatus();
    if (status == 404 && e.getCause() != null) {
      // JAX-RS answers 404 when a path or query parameter does not convert.
      return answer(
          ErrorCode.BAD_REQUEST,
          "a path or query parameter of " + uri.getPath() + " has an invalid value");
    }
    ErrorCode code = ErrorCode.forStatus(status);
    if (code == ErrorCode.INTERNAL_ERROR) {
      return internalError(e, request, uri);
    }
    String message =
        switch (code) {
          case NOT_FOUND -> "no resource at " + uri.getPath();
          case METHOD_NOT_ALLOWED ->
              "method " + request.getMethod() + " is not allowed on " + uri.getPath();
          case NOT_ACCEPTABLE -> "none of the media types in the Accept header can be produced";
          case UNSUPPORTED_MEDIA_TYPE ->
              "content type "
                  + (headers.getMediaType() == null ? "(none)" : headers.getMediaType())
                  + " is not supported here";
          default -> reasonPhrase(status);
        };
    return answer(status, ErrorBody.of(code, message));
  }

  @ServerExceptionMapper
  public RestResponse<ErrorBody> unexpected(Throwable e, Request request, UriInfo uri) {
    return internalError(e, request, uri);
  }

  private static RestResponse<ErrorBody> internalError(Throwable e, Request request, UriInfo uri) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    LOG.errorf(e, "internal error %s on %s %s", reference, request.getMethod(), uri.getPath());
    return answer(
        ErrorCode.INTERNAL_ERROR,
        "internal error; quote reference " + reference + " when reporting it");
  }

  private static RestResponse<ErrorBody> answer(ErrorCode code, String message) {
    return answer(code, ErrorBody.of(code, message));
  }

  private static RestResponse<ErrorBody> answer(ErrorCode code, ErrorBody body) {
    return answer(code.status(), body);
  }

  private static RestResponse<ErrorBody> answer(int status, ErrorBody body) {
    return RestResponse.ResponseBuilder.<ErrorBody>create(status)
        .entity(body)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }

  private static String describeMalformed(JsonProcessingException e) {
    if (e instanceof JsonParseException parse) {
      var at = parse.getLocation();
      return at == null
          ? "request body is not well-formed JSON"
          : "request body is not well-formed JSON (line %d, column %d)"
              .formatted(at.getLineNr(), at.getColumnNr());
    }
    if (e instanceof JsonMappingException mapping) {
      String field = jsonPath(mapping.getPath());
      if (field.isEmpty()) {
        return e instanceof MismatchedInputException && e.getMessage().contains("end-of-input")
            ? "request body is empty"
            : "request body does not have the expected structure";
      }
      return e instanceof ValueInstantiationException
          ? "request body is invalid at '" + field + "'"
          : "field '" + field + "' has the wrong type";
    }
    return "request body is not valid JSON";
  }

  private static String jsonPath(List<JsonMappingException.Reference> path) {
    var out = new StringBuilder();
    for (var reference : path) {
      if (reference.getFieldName() != null) {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        out.append('[').append(reference.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static boolean onReturnValue(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The field a violation is about: the path after the method and, for a body, after the parameter,
   * e.g. {@code note} for {@code addNote.body.note} and {@code limit} for {@code list.limit}.
   */
  static String field(ConstraintViolation<?> violation) {
    List<String> names = new ArrayList<>();
    boolean firstIsParameter = false;
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD, CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {}
        default -> {
          if (node.isInIterable() && !names.isEmpty()) {
            Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
            int last = names.size() - 1;
            names.set(last, names.get(last) + "[" + (position == null ? "" : position) + "]");
          }
          if (names.isEmpty() && node.getKind() == ElementKind.PARAMETER) {
            firstIsParameter = true;
          }
          if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
            names.add(node.getName());
          }
        }
      }
    }
    if (firstIsParameter && names.size() > 1) {
      names.remove(0);
    }
    return names.isEmpty() ? "request" : String.join(".", names);
  }

  private static String reasonPhrase(int status) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    return type == null ? "request failed with HTTP " + status : type.getReasonPhrase();
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : String.valueOf(root.getMessage());
  }
}
