package dev.tandem.sandbox.run;

import dev.tandem.edge.fleet.FleetSpec;
import dev.tandem.ingest.app.IngestService;
import dev.tandem.sandbox.config.SandboxConfig;
import dev.tandem.sandbox.fleet.EnrolledFleet;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.ServerStartException;
import dev.tandem.servers.stack.ServerStack;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The platform on one machine: its servers, then the platform services that run on them. */
public final class Sandbox implements AutoCloseable {
  private static final Duration REGISTRY_START_TIMEOUT = Duration.ofSeconds(120);

  /** The sandbox fleet's device ids are {@code sim-0001}, {@code sim-0002}, ... */
  public static final String FLEET_PREFIX = "sim";

  /** The hardware class the sandbox fleet enrolls with: a rollout names its variant for it. */
  public static final String FLEET_HARDWARE = "jetson-orin";

  /** The group the sandbox fleet enrolls in: a rollout selects it with {@code group=sandbox}. */
  public static final String FLEET_GROUP = "sandbox";

  private final SandboxConfig config;
  private final ServerStack stack;
  private final DataDirLock lock;
  private final SandboxBrokerLogins logins;
  private RegistryProcess registry;
  private IngestService ingest;
  private IngestLog ingestLog;
  private EnrolledFleet fleet;
  private Map<String, String> registryProperties = Map.of();

  private Sandbox(
      SandboxConfig config, ServerStack stack, DataDirLock lock, SandboxBrokerLogins logins) {
    this.config = config;
    this.stack = stack;
    this.lock = lock;
    this.logins = logins;
  }

  /**
   * Claims the data directory; nothing runs yet. Close the sandbox even if {@link #start} fails, so
   * servers that did come up are stopped.
   *
   * @throws dev.tandem.servers.ServerStartException if another sandbox uses the data directory
   */
  public static Sandbox open(SandboxConfig config) {
    return open(config, true);
  }

  /**
   * Like {@link #open(SandboxConfig)}; with {@code checkLogins} false the embedded broker admits
   * every client, as a benchmark's private sandbox wants (no login hop in what it measures).
   */
  public static Sandbox open(SandboxConfig config, boolean checkLogins) {
    DataDirLock lock = DataDirLock.acquire(config.dataDir());
    try {
      SandboxBrokerLogins logins = checkLogins ? SandboxBrokerLogins.of(config.dataDir()) : null;
      ServerStack stack =
          logins == null
              ? new ServerStack(config.stack())
              : new ServerStack(config.stack(), logins, logins.service());
      return new Sandbox(config, stack, lock, logins);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Further {@code -D} properties for the control plane (e.g. a benchmark's engine tick); set
   * before {@link #start}.
   */
  public Sandbox withRegistryProperties(Map<String, String> properties) {
    this.registryProperties = Map.copyOf(properties);
    return this;
  }

  /**
   * Starts the servers, then the platform services on them, reporting progress.
   *
   * @throws dev.tandem.servers.ServerStartException if something cannot start
   */
  public void start(PrintStream progress) {
    startServers(progress);
    startServices(progress);
  }

  /**
   * Starts every embedded server and checks nothing for external ones.
   *
   * @throws dev.tandem.servers.ServerStartException if one cannot start; the rest are stopped
   */
  public void startServers(PrintStream progress) {
    long begin = System.nanoTime();
    stack.startAll(kind -> progress.printf("  %-14s up%n", kind.key()));
    progress.printf("servers ready in %.1f s%n", seconds(begin));
  }

  /**
   * Starts the platform services that exist so far on the running servers: the control plane.
   *
   * @throws dev.tandem.servers.ServerStartException if one cannot start or get ready
   */
  public void startServices(PrintStream progress) {
    long begin = System.nanoTime();
    registry =
        RegistryProcess.start(
            ServerOptions.home(),
            stack,
            config.registryPort(),
            config.dataDir().resolve("logs/cloud-registry.log"),
            REGISTRY_START_TIMEOUT,
            registryProperties);
    progress.printf("  %-14s up (%.1f s)%n", "cloud-registry", seconds(begin));
    if (logins != null) {
      logins.controlPlaneUp(registry.baseUri(), BrokerToken.issue(admin()));
    }
    // Before the fleet: the bridge's subscription must exist before devices publish, or the
    // broker has nobody to keep their first messages for.
    long ingestBegin = System.nanoTime();
    ingestLog = IngestLog.open(config.dataDir().resolve("logs/ingest.log"));
    try {
      ingest = IngestService.start(IngestSettings.of(stack, config));
    } catch (IllegalStateException e) {
      throw new ServerStartException("ingest: " + e.getMessage(), e);
    }
    progress.printf("  %-14s up (%.1f s)%n", "ingest", seconds(ingestBegin));
    if (config.fleetDevices() > 0) {
      startFleet(progress);
    }
  }

  /** Enrolls the sandbox's own fleet and starts it with update clients, so rollouts reach it. */
  private void startFleet(PrintStream progress) {
    long begin = System.nanoTime();
    var spec =
        new FleetSpec(
            config.fleetDevices(),
            FLEET_PREFIX,
            stack.mqtt().serverUri(),
            config.dataDir().resolve("fleet"),
            Duration.ofSeconds(10),
            1,
            Duration.ofSeconds(20));
    try {
      fleet = EnrolledFleet.start(admin(), spec, FLEET_HARDWARE, FLEET_GROUP, progress);
    } catch (IOException | RuntimeException e) {
      throw new ServerStartException("fleet: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("fleet: interrupted while enrolling", e);
    }
    progress.printf(
        "  %-14s up (%d simulated edge agents, enrolled as %s in group %s, %.1f s)%n",
        "fleet", fleet.size(), FLEET_HARDWARE, FLEET_GROUP, seconds(begin));
  }

  private static double seconds(long beginNanos) {
    return Duration.ofNanos(System.nanoTime() - beginNanos).toMillis() / 1000.0;
  }

  /** The running control plane, once {@link #startServices} succeeded. */
  public RegistryProcess registry() {
    if (registry == null) {
      throw new IllegalStateException("cloud-registry is not running");
    }
    return registry;
  }

  /** A client of the control plane's REST API with the sandbox's admin token. */
  public RegistryApi admin() {
    RegistryProcess running = registry();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return new RegistryApi(http, running.baseUri(), running.adminToken().token());
  }

  /** The sandbox's own enrolled fleet, once {@link #startServices} started one. */
  public Optional<EnrolledFleet> fleet() {
    return Optional.ofNullable(fleet);
  }

  /** The running bridge and lake writer, once {@link #startServices} succeeded. */
  public IngestService ingest() {
    if (ingest == null) {
      throw new IllegalStateException("ingest is not running");
    }
    return ingest;
  }

  public ServerStack stack() {
    return stack;
  }

  public SandboxConfig config() {
    return config;
  }

  /** Prints every endpoint a person or a client needs. */
  public void printEndpoints(PrintStream out) {
    Map<ServerKind, String> where = stack.describe();
    out.println("Tandem sandbox is running. Data: " + config.dataDir());
    out.printf("  %-9s %s%n", "kafka", where.get(ServerKind.KAFKA));
    out.printf("  %-9s %s%n", "mqtt", where.get(ServerKind.MQTT));
    if (logins != null && stack.embedded(ServerKind.MQTT)) {
      out.printf(
          "  %-9s logins checked: devices with their enrollment's credentials, services as '%s'"
              + " (password in %s)%n",
          "mqtt auth", logins.service().username(), logins.passwordFile());
    }
    out.printf(
        "  %-9s %s  access key '%s'%n", "s3", where.get(ServerKind.S3), stack.s3().accessKey());
    out.printf(
        "  %-9s %s  user '%s'%n",
        "postgres", where.get(ServerKind.POSTGRES), stack.postgres().user());
    if (registry != null) {
      URI api = registry.baseUri();
      out.printf("  %-9s %s/api/v1  (Swagger UI: %s/q/swagger-ui)%n", "api", api, api);
      out.printf(
          "  %-9s admin token (role admin, as '%s') in %s%n",
          "api auth", RegistryProcess.ADMIN_NAME, registry.adminToken().file());
      out.printf("  %-9s %s%n", "api log", registry.logFile());
    }
    if (ingest != null) {
      out.printf(
          "  %-9s bridge to Kafka, lake in bucket '%s'; metrics http://127.0.0.1:%d/metrics%n",
          "ingest", IngestSettings.LAKE_BUCKET, ingest.opsPort());
      out.printf("  %-9s %s%n", "", "log " + ingestLog.file());
    }
    if (fleet != null) {
      out.printf(
          "  %-9s %d simulated agents (%s...) publishing to fleet/+/..., enrolled as %s in group"
              + " %s: roll out with selector \"group=%s\"%n",
          "fleet", fleet.size(), fleet.ids().get(0), FLEET_HARDWARE, FLEET_GROUP, FLEET_GROUP);
    }
  }

  @Override
  public void close() {
    try {
      if (fleet != null) {
        fleet.close();
      }
      if (ingest != null) {
        ingest.close();
      }
      if (ingestLog != null) {
        ingestLog.close();
      }
      if (registry != null) {
        registry.close();
      }
      stack.close();
    } finally {
      lock.close();
    }
  }
}
