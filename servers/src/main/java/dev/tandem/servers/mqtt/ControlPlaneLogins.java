package dev.tandem.servers.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Service logins from a fixed table; every other login is a device's, asked of the control plane
 * ({@code POST /api/v1/mqtt/authenticate}, the HTTP hook production brokers call too). When the
 * control plane cannot answer, the login is refused: the device retries with backoff.
 */
public final class ControlPlaneLogins implements BrokerLogins {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final StaticLogins services;
  private final URI authenticate;
  private final String token;
  private final HttpClient http;

  /**
   * @param controlPlane the control plane's base URL, e.g. {@code http://127.0.0.1:8080}
   * @param token an API token (viewer role) the broker presents
   * @param services service user names to passwords
   */
  public ControlPlaneLogins(URI controlPlane, String token, Map<String, String> services) {
    this.services = new StaticLogins(services);
    this.authenticate = controlPlane.resolve("/api/v1/mqtt/authenticate");
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  @Override
  public Decision login(String clientId, String username, byte[] password) {
    if (services.knows(username, password)) {
      return Decision.as(Kind.SERVICE, "service login");
    }
    if (username == null || password == null) {
      return Decision.refused("devices log in with user name and password");
    }
    try {
      byte[] body =
          JSON.writeValueAsBytes(
              Map.of(
                  "clientId", clientId,
                  "username", username,
                  "password", new String(password, StandardCharsets.UTF_8)));
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(authenticate)
                  .timeout(TIMEOUT)
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return Decision.refused("control plane answered HTTP " + response.statusCode());
      }
      JsonNode answer = JSON.readTree(response.body());
      String reason = answer.path("reason").asText("");
      return "allow".equals(answer.path("result").asText())
          ? Decision.as(Kind.DEVICE, reason)
          : Decision.refused(reason);
    } catch (IOException e) {
      return Decision.refused("control plane unreachable: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Decision.refused("interrupted");
    }
  }
}
