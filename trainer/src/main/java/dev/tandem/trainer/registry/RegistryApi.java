package dev.tandem.trainer.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls the control plane's API with one bearer token. Every call answers the parsed JSON body or
 * throws {@link RegistryException} (an {@link IllegalStateException}) naming the request, the
 * status and the error code; a server that cannot be reached throws {@link IOException}. The
 * trainer registers through it; the sandbox's demo and registry benchmark use it too.
 */
public final class RegistryApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI base;
  private final String token;

  public RegistryApi(HttpClient http, URI base, String token) {
    this.http = http;
    this.base = base;
    this.token = token;
  }

  /** The control plane's base URI. */
  public URI baseUri() {
    return base;
  }

  /** The same server and client, acting with another token. */
  public RegistryApi as(String otherToken) {
    return new RegistryApi(http, base, otherToken);
  }

  public JsonNode get(String path) throws IOException, InterruptedException {
    return send("GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  /** The body exactly as the server sent it (signed metadata is checked over these bytes). */
  public byte[] getBytes(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    check("GET", path, response.statusCode(), response.body());
    return response.body();
  }

  public JsonNode post(String path, Object body) throws IOException, InterruptedException {
    return send("POST", path, json(body), "application/json");
  }

  public JsonNode put(String path, Object body) throws IOException, InterruptedException {
    return send("PUT", path, json(body), "application/json");
  }

  public JsonNode delete(String path) throws IOException, InterruptedException {
    return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  public JsonNode putBytes(String path, byte[] body) throws IOException, InterruptedException {
    return send(
        "PUT", path, HttpRequest.BodyPublishers.ofByteArray(body), "application/octet-stream");
  }

  /** GETs a presigned URL, without a token: the URL carries its own authorisation. */
  public byte[] download(String url) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new RegistryException(
          response.statusCode(),
          "?",
          "GET of the presigned URL answered HTTP " + response.statusCode());
    }
    return response.body();
  }

  public static ObjectMapper json() {
    return JSON;
  }

  private JsonNode send(String method, String path, HttpRequest.BodyPublisher body, String type)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = request(path).method(method, body);
    if (type != null) {
      builder.header("Content-Type", type);
    }
    HttpResponse<byte[]> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    check(method, path, response.statusCode(), response.body());
    return response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static void check(String method, String path, int status, byte[] body) {
    if (status / 100 == 2) {
      return;
    }
    String code = "?";
    String detail;
    try {
      JsonNode error = JSON.readTree(body);
      code = error.path("code").asText("?");
      detail = code + ": " + error.path("message").asText("");
    } catch (IOException e) {
      detail = "(no JSON error body)";
    }
    throw new RegistryException(
        status, code, method + " " + path + " answered HTTP " + status + " " + detail);
  }

  private static HttpRequest.BodyPublisher json(Object body) throws IOException {
    return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
  }
}
