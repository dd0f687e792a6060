package dev.tandem.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.sandbox.TandemMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The trainer bench's options, checked before anything trains. */
class TrainerBenchCommandTest {
  @TempDir Path dir;

  @Test
  void detectorWithoutNabDataIsOneLineWithExitCodeTwo() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = TandemMain.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter(), true));
    commandLine.setErr(new PrintWriter(err, true));

    int exit =
        commandLine.execute(
            "bench", "trainer", "--family", "detector", "--nab", dir.resolve("nope").toString());

    assertThat(exit).isEqualTo(TandemMain.EXIT_CONFIG);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tandem: configuration error: --nab: "
                + dir.resolve("nope")
                + " must hold data/ and combined_windows.json (or leave out detector)");
  }
}
