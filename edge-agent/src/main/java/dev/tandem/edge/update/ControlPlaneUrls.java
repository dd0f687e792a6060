package dev.tandem.edge.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Refetches a target's presigned download URL from the control plane's {@code GET
 * /api/v1/device/desired} (docs/provisioning.md) with the device token, when the URL in the desired
 * state has expired. Only the URL is taken from the answer: what is installed is still decided by
 * the signed metadata.
 */
final class ControlPlaneUrls implements ArtifactDownloader.UrlRefresher {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI desired;
  private final String token;
  private final Duration timeout;

  ControlPlaneUrls(HttpClient http, URI controlPlane, String token, Duration timeout) {
    this.http = http;
    this.desired = controlPlane.resolve("/api/v1/device/desired");
    this.token = token;
    this.timeout = timeout;
  }

  @Override
  public Optional<URI> refresh(TargetInfo target) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(desired)
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(desired + " answered HTTP " + response.statusCode());
    }
    JsonNode root = JSON.readTree(response.body());
    for (JsonNode model : root.path("models")) {
      for (JsonNode t : model.path("targets")) {
        if (target.path().equals(t.path("path").asText()) && t.path("artifactUrl").isTextual()) {
          return Optional.of(URI.create(t.path("artifactUrl").asText()));
        }
      }
    }
    return Optional.empty();
  }
}
