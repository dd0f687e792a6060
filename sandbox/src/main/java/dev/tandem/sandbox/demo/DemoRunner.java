package dev.tandem.sandbox.demo;

import dev.tandem.sandbox.config.SandboxConfig;
import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.servers.ServerKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts a sandbox, runs every scenario step even after a failure, and reports. */
public final class DemoRunner {
  private final PrintStream progress;

  public DemoRunner(PrintStream progress) {
    this.progress = progress;
  }

  public DemoReport run(SandboxConfig config, List<DemoStep> steps) {
    Map<String, String> components = new LinkedHashMap<>();
    for (ServerKind kind : ServerKind.values()) {
      components.put(kind.key(), "down");
    }
    components.put(RegistryReadyStep.COMPONENT, "down");
    components.put(FleetReachesBrokerStep.COMPONENT, "down");
    components.put(RegisterModelStep.COMPONENT, "down");
    components.put(SignedTargetsStep.COMPONENT, "down");
    components.put(RolloutToFleetStep.COMPONENT, "down");
    List<StepResult> results = new ArrayList<>();
    long start = System.nanoTime();
    try (Sandbox sandbox = Sandbox.open(config)) {
      try {
        sandbox.startServers(progress);
      } catch (RuntimeException e) {
        results.add(report(new StepResult("start servers", false, since(start), message(e))));
        return new DemoReport(false, components, results);
      }
      results.add(report(new StepResult("start servers", true, since(start), where(sandbox))));
      long servicesStart = System.nanoTime();
      try {
        sandbox.startServices(progress);
        results.add(
            report(
                new StepResult(
                    "start cloud-registry",
                    true,
                    since(servicesStart),
                    "ready at " + sandbox.registry().baseUri())));
      } catch (RuntimeException e) {
        results.add(
            report(
                new StepResult("start cloud-registry", false, since(servicesStart), message(e))));
      }
      for (DemoStep step : steps) {
        StepResult result = runStep(sandbox, step);
        results.add(report(result));
        if (result.ok()) {
          step.component().ifPresent(component -> components.put(component, "up"));
        }
      }
    }
    boolean ok = results.stream().allMatch(StepResult::ok);
    return new DemoReport(ok, components, results);
  }

  private static String where(Sandbox sandbox) {
    return sandbox.stack().describe().entrySet().stream()
        .map(e -> e.getKey().key() + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  private static StepResult runStep(Sandbox sandbox, DemoStep step) {
    long start = System.nanoTime();
    try {
      String detail = step.run(sandbox);
      return new StepResult(step.name(), true, since(start), detail);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new StepResult(step.name(), false, since(start), "interrupted");
    } catch (Exception e) {
      return new StepResult(step.name(), false, since(start), message(e));
    }
  }

  private StepResult report(StepResult result) {
    progress.printf(
        "[%s] %-40s %7.3f s  %s%n",
        result.ok() ? " ok " : "FAIL", result.name(), result.seconds(), result.detail());
    return result;
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static double since(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e6) / 1000.0;
  }
}
