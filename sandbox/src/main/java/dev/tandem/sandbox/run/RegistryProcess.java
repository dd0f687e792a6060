package dev.tandem.sandbox.run;

import dev.tandem.servers.Ports;
import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.ServerStartException;
import dev.tandem.servers.stack.ServerStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The control plane (cloud-registry, a Quarkus application) as a child process of the sandbox,
 * configured to use the sandbox's servers. Started from its packaged jar, ready when its readiness
 * endpoint says so, stopped with SIGTERM (a graceful Quarkus shutdown).
 */
public final class RegistryProcess implements AutoCloseable {
  static final String DATABASE = "tandem_registry";

  /**
   * The sandbox's key store passphrase. A sandbox keeps its keys beside its other data and is for
   * trying Tandem out; never use keys made this way for real devices.
   */
  static final String SANDBOX_PASSPHRASE = "tandem-sandbox-signing-keys";

  /** The principal the sandbox's admin token acts as; every change it makes names it. */
  public static final String ADMIN_NAME = "sandbox-admin";

  private final Process process;
  private final URI baseUri;
  private final Path logFile;
  private final AdminToken adminToken;

  private RegistryProcess(Process process, URI baseUri, Path logFile, AdminToken adminToken) {
    this.process = process;
    this.baseUri = baseUri;
    this.logFile = logFile;
    this.adminToken = adminToken;
  }

  /**
   * Starts the registry and waits until it is ready.
   *
   * @param port HTTP port on 127.0.0.1; 0 for a free one
   * @param properties further {@code -D} properties, e.g. {@code tandem.rollouts.tick-interval}
   * @throws ServerStartException naming what failed, with the end of its log
   */
  public static RegistryProcess start(
      Path home,
      ServerStack stack,
      int port,
      Path logFile,
      Duration timeout,
      Map<String, String> properties) {
    Path jar = home.resolve("cloud-registry/target/quarkus-app/quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new ServerStartException(
          "cloud-registry: " + jar + " is missing; build with ./mvnw install -DskipTests");
    }
    int httpPort = Ports.claim("registry.port", port);
    PostgresEndpoint database = ensureDatabase(stack.postgres());
    var s3 = stack.s3();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    // Extra JVM options for the control plane, e.g. to profile it with JFR; split at spaces.
    String extra = System.getenv("TANDEM_REGISTRY_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.strip().split("\\s+")));
    }
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-Dquarkus.http.host=127.0.0.1");
    command.add("-Dquarkus.http.port=" + httpPort);
    command.add("-Dquarkus.datasource.jdbc.url=" + database.jdbcUrl());
    command.add("-Dquarkus.datasource.username=" + database.user());
    command.add("-Dquarkus.datasource.password=" + database.password());
    command.add("-Dkafka.bootstrap.servers=" + stack.kafka().bootstrapServers());
    command.add("-Dtandem.mqtt.url=" + stack.mqtt().serverUri());
    command.add("-Dtandem.s3.url=" + s3.url());
    command.add("-Dtandem.s3.access-key=" + s3.accessKey());
    command.add("-Dtandem.s3.secret-key=" + s3.secretKey());
    command.add("-Dtandem.s3.region=" + s3.region());
    // Signing keys are created on the first start and kept in the data directory, so devices
    // provisioned in one sandbox run still trust the keys of the next.
    Path keyStore = logFile.toAbsolutePath().getParent().resolveSibling("signing/keys.json");
    command.add("-Dtandem.signing.key-store=" + keyStore);
    command.add("-Dtandem.signing.generate-keys=true");
    // The admin token, kept beside the keys; the command line carries only its hash (ps shows it).
    AdminToken adminToken =
        AdminToken.loadOrCreate(keyStore.getParent().resolveSibling("cloud-registry/admin-token"));
    command.add("-Dtandem.auth.bootstrap-token=" + adminToken.configValue());
    command.add("-Dtandem.auth.bootstrap-name=" + ADMIN_NAME);
    command.add("-jar");
    command.add(jar.toString());
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
      // The passphrase goes through the environment, never the command line (visible in ps).
      builder.environment().put("TANDEM_SIGNING_KEY_STORE_PASSPHRASE", SANDBOX_PASSPHRASE);
      // Its desired-state publisher and state consumers log in to a broker that checks logins.
      stack
          .mqtt()
          .serviceLogin()
          .ifPresent(
              login -> {
                builder.environment().put("TANDEM_MQTT_USERNAME", login.username());
                builder.environment().put("TANDEM_MQTT_PASSWORD", login.password());
              });
      Process process = builder.start();
      var registry =
          new RegistryProcess(
              process, URI.create("http://127.0.0.1:" + httpPort), logFile, adminToken);
      registry.awaitReady(timeout);
      return registry;
    } catch (IOException e) {
      throw new ServerStartException("cloud-registry: cannot start: " + e.getMessage(), e);
    }
  }

  private static PostgresEndpoint ensureDatabase(PostgresEndpoint server) {
    try (var connection =
            DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
        var statement = connection.createStatement();
        var exists =
            statement.executeQuery(
                "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new ServerStartException(
          "cloud-registry: cannot prepare database " + DATABASE + ": " + e.getMessage(), e);
    }
    return server.withDatabase(DATABASE);
  }

  private void awaitReady(Duration timeout) {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new ServerStartException(
            "cloud-registry exited with code %d; last log lines:%n%s"
                .formatted(process.exitValue(), tail()));
      }
      try {
        var response =
            http.send(
                HttpRequest.newBuilder(baseUri.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(3))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new ServerStartException("cloud-registry: interrupted while starting", e);
      }
      sleep(250);
    }
    close();
    throw new ServerStartException(
        "cloud-registry: not ready after %d s; last log lines:%n%s"
            .formatted(timeout.toSeconds(), tail()));
  }

  /** The registry's base URL, {@code http://127.0.0.1:port}. */
  public URI baseUri() {
    return baseUri;
  }

  /** The operating system's id of the control plane's process. */
  public long pid() {
    return process.pid();
  }

  /** The sandbox's admin API token (role admin), and the file that keeps it. */
  public AdminToken adminToken() {
    return adminToken;
  }

  public Path logFile() {
    return logFile;
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join(
          System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, then a hard kill if it has not stopped within 15 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
