package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.sandbox.run.Sandbox;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The control plane is ready: its readiness endpoint answers UP, with every dependency check
 * (database, object store, Kafka) UP, and its versioned API answers.
 */
final class RegistryReadyStep implements DemoStep {
  static final String COMPONENT = "cloud-registry";

  @Override
  public String name() {
    return "cloud-registry ready, API answers";
  }

  @Override
  public Optional<String> component() {
    return Optional.of(COMPONENT);
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    var base = sandbox.registry().baseUri();
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var ready =
        http.send(
            HttpRequest.newBuilder(base.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode health = new ObjectMapper().readTree(ready.body());
    List<String> checks = new ArrayList<>();
    for (JsonNode check : health.path("checks")) {
      String name = check.path("name").asText();
      String status = check.path("status").asText();
      if (!"UP".equals(status)) {
        throw new IllegalStateException(
            "readiness check '" + name + "' is " + status + ": " + check.path("data"));
      }
      checks.add(name);
    }
    if (ready.statusCode() != 200 || checks.size() < 3) {
      throw new IllegalStateException(
          "readiness answered HTTP " + ready.statusCode() + " with checks " + checks);
    }
    var api =
        http.send(
            HttpRequest.newBuilder(base.resolve("/api/v1")).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (api.statusCode() != 200) {
      throw new IllegalStateException("GET /api/v1 answered HTTP " + api.statusCode());
    }
    return "readiness UP (" + String.join(", ", checks) + "); GET /api/v1 answered 200";
  }
}
