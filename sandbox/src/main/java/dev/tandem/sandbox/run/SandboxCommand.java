package dev.tandem.sandbox.run;

import dev.tandem.servers.Directories;
import dev.tandem.servers.stack.EmbeddedPorts;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./tandem sandbox}: the whole platform on this machine until Ctrl-C. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    description = "Start the whole platform on this machine (embedded real servers) until Ctrl-C.")
public final class SandboxCommand implements Callable<Integer> {
  @Mixin ServerOptions servers;

  @Option(names = "--fresh", description = "Delete the data directory first.")
  boolean fresh;

  @Override
  public Integer call() throws InterruptedException {
    var config =
        servers.resolve(
            ServerOptions.home().resolve(".tandem/sandbox"), EmbeddedPorts.SANDBOX, true);
    if (fresh) {
      Directories.deleteTree(config.dataDir());
    }
    System.out.println("Starting Tandem sandbox in " + config.dataDir());
    Sandbox sandbox = Sandbox.open(config);
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before anything starts, so Ctrl-C during start-up stops what already runs.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping Tandem sandbox...");
                  sandbox.close();
                  System.out.println("Stopped.");
                  stopped.countDown();
                },
                "tandem-sandbox-stop"));
    sandbox.start(System.out);
    sandbox.printEndpoints(System.out);
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
    return 0;
  }
}
