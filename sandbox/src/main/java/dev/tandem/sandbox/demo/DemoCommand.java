package dev.tandem.sandbox.demo;

import dev.tandem.sandbox.run.ServerOptions;
import dev.tandem.servers.Directories;
import dev.tandem.servers.stack.EmbeddedPorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./tandem demo}: run the sandbox through the end-to-end scenario, then exit. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Run the platform through a scripted end-to-end scenario; exit 0 if every step worked.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin ServerOptions servers;

  @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report here.")
  Path reportFile;

  @Override
  public Integer call() throws IOException {
    // A fresh, private sandbox on free ports, so the demo never disturbs a running sandbox.
    Path scratch = Files.createTempDirectory("tandem-demo-");
    try {
      var config = servers.resolve(scratch, EmbeddedPorts.ANY, false);
      System.out.println("Tandem demo: starting a private sandbox in " + config.dataDir());
      DemoReport report = new DemoRunner(System.out).run(config, DemoScenario.steps(System.out));
      if (reportFile != null) {
        report.write(reportFile);
        System.out.println("Report written to " + reportFile.toAbsolutePath());
      }
      System.out.println(report.ok() ? "Demo passed." : "Demo FAILED.");
      return report.ok() ? 0 : 1;
    } finally {
      Directories.deleteTree(scratch);
    }
  }
}
