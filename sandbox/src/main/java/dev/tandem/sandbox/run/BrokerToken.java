package dev.tandem.sandbox.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.servers.ServerStartException;
import dev.tandem.trainer.registry.RegistryApi;
import dev.tandem.trainer.registry.RegistryException;
import java.io.IOException;
import java.util.Map;

/**
 * The API token the sandbox's broker presents when it asks the control plane whether a device may
 * log in or use a topic. Those calls need only a viewer's role, so the broker never holds the admin
 * token. Each start issues a fresh one and revokes the earlier starts' tokens, so a data directory
 * keeps one live broker token however often it restarts.
 */
final class BrokerToken {
  /** The token's name, as the token list and the audit log show it. */
  static final String NAME = "sandbox-mqtt-broker";

  private BrokerToken() {}

  /** Revokes the earlier broker tokens and returns a new viewer token's secret. */
  static String issue(RegistryApi admin) {
    try {
      for (JsonNode token : admin.get("/api/v1/tokens")) {
        if (NAME.equals(token.path("name").asText())) {
          admin.delete("/api/v1/tokens/" + token.path("id").asText());
        }
      }
      return admin
          .post("/api/v1/tokens", Map.of("name", NAME, "role", "viewer"))
          .path("token")
          .asText();
    } catch (IOException | RegistryException e) {
      throw new ServerStartException("mqtt: could not issue the broker's API token: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("mqtt: interrupted while issuing the broker's API token", e);
    }
  }
}
