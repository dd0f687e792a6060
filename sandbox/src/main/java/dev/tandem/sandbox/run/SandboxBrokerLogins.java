package dev.tandem.sandbox.run;

import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.mqtt.BrokerLogins;
import dev.tandem.servers.mqtt.ControlPlaneLogins;
import dev.tandem.servers.mqtt.StaticLogins;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who may log in to the sandbox's broker. The platform's own clients (ingest bridge, control plane,
 * demo and probe clients) present the service login from the start; devices present the MQTT
 * credentials their enrollment gave, which only the control plane can check, so device logins are
 * refused until it is up (the broker starts first; agents retry with backoff, and the sandbox
 * starts its fleet only after the control plane anyway). Devices stay on their own topics.
 */
final class SandboxBrokerLogins implements BrokerLogins {
  /** The user name of the platform's own clients. */
  static final String SERVICE_USER = "tandem-service";

  private final MqttEndpoint.Login service;
  private final Path passwordFile;
  private volatile BrokerLogins current;

  private SandboxBrokerLogins(MqttEndpoint.Login service, Path passwordFile) {
    this.service = service;
    this.passwordFile = passwordFile;
    this.current = new StaticLogins(services());
  }

  /** The service password is made once per data directory and kept there, owner-only. */
  static SandboxBrokerLogins of(Path dataDir) {
    Path file = dataDir.resolve("mqtt/service-password");
    String password = SecretFile.loadOrCreate(file, "tms_", "mqtt: the service password");
    return new SandboxBrokerLogins(new MqttEndpoint.Login(SERVICE_USER, password), file);
  }

  /** From now on device logins are asked of the control plane at {@code base}. */
  void controlPlaneUp(URI base, String token) {
    current = new ControlPlaneLogins(base, token, services());
  }

  MqttEndpoint.Login service() {
    return service;
  }

  /** Where the service password is kept, for people's own clients. */
  Path passwordFile() {
    return passwordFile;
  }

  @Override
  public Decision login(String clientId, String username, byte[] password) {
    BrokerLogins now = current;
    Decision decision = now.login(clientId, username, password);
    if (!decision.allowed() && now instanceof StaticLogins) {
      return Decision.refused(
          "not the service login, and device logins wait for the control plane to start");
    }
    return decision;
  }

  private Map<String, String> services() {
    return Map.of(service.username(), service.password());
  }
}
