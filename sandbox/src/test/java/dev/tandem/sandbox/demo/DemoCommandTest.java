package dev.tandem.sandbox.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.sandbox.TandemMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code tandem demo} command in this JVM, with its embedded servers. */
class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void demoPassesAndReportsEveryServerUp() throws Exception {
    Path report = dir.resolve("r.json");

    int exit = TandemMain.commandLine().execute("demo", "--report", report.toString());

    assertThat(exit).isZero();
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    assertThat(json.get("ok").asBoolean()).isTrue();
    for (String server :
        new String[] {
          "kafka", "mqtt", "s3", "postgres", "cloud-registry", "fleet", "trainer", "rollouts"
        }) {
      assertThat(json.at("/components/" + server).asText()).as(server).isEqualTo("up");
    }
    assertThat(json.get("steps")).hasSizeGreaterThanOrEqualTo(8);
    for (JsonNode step : json.get("steps")) {
      assertThat(step.get("ok").asBoolean()).as(step.get("name").asText()).isTrue();
      assertThat(step.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
      assertThat(step.get("detail").asText()).isNotBlank();
    }
    // The loop closes: the trained version reached every device of the fleet, none drifted.
    JsonNode last = json.get("steps").get(json.get("steps").size() - 1);
    assertThat(last.get("name").asText()).contains("roll the trained version out");
    assertThat(last.get("detail").asText())
        .contains("COMPLETED in 2 waves")
        .contains("8/8 devices run")
        .contains("fleet drift 0");
  }

  @Test
  void occupiedPortGivesOneLineNamingTheKeyAndAFailedReport() throws Exception {
    try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Path report = dir.resolve("r.json");
      var err = new StringWriter();
      var commandLine = TandemMain.commandLine();
      commandLine.setErr(new PrintWriter(err));

      int exit =
          commandLine.execute(
              "demo", "--report", report.toString(), "--set", "s3.port=" + taken.getLocalPort());

      assertThat(exit).isEqualTo(1);
      JsonNode json = new ObjectMapper().readTree(Files.readString(report));
      assertThat(json.get("ok").asBoolean()).isFalse();
      assertThat(json.at("/steps/0/detail").asText())
          .isEqualTo(
              "s3.port: port %d on 127.0.0.1 is already in use; stop what holds it or choose another port"
                  .formatted(taken.getLocalPort()));
    }
  }

  @Test
  void badConfigValueExitsWithOneLineNamingTheKey() {
    var err = new StringWriter();
    var commandLine = TandemMain.commandLine();
    commandLine.setErr(new PrintWriter(err));

    int exit = commandLine.execute("demo", "--set", "kafka.port=ninety");

    assertThat(exit).isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo("tandem: configuration error: kafka.port: 'ninety' is not a port number")
        .doesNotContain("Exception");
  }
}
