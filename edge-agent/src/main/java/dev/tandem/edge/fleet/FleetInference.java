package dev.tandem.edge.fleet;

import dev.tandem.edge.agent.EdgeAgent;
import dev.tandem.edge.model.InferenceException;
import dev.tandem.edge.model.ModelSlot;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one inference of {@code model} on every simulated device each period, from one thread for
 * the whole fleet, so that the inference counters in the state reports ({@code inferences}, {@code
 * inference_errors}, {@code inference_latency_us_total}, {@code anomalies}) move as a rollout's
 * quality gates expect. Inputs are seeded Gaussian noise of the active version's input size.
 */
public final class FleetInference implements AutoCloseable {
  private final List<EdgeAgent> agents;
  private final String model;
  private final SplittableRandom random;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tandem-fleet-inference");
            t.setDaemon(true);
            return t;
          });

  private FleetInference(List<EdgeAgent> agents, String model, long seed) {
    this.agents = agents;
    this.model = model;
    this.random = new SplittableRandom(seed);
  }

  /** Starts driving inferences through {@code fleet}'s devices every {@code period}. */
  public static FleetInference start(
      FleetSimulator fleet, String model, Duration period, long seed) {
    var driver = new FleetInference(fleet.agents(), model, seed);
    long millis = Math.max(1, period.toMillis());
    driver.timer.scheduleAtFixedRate(driver::tick, millis, millis, TimeUnit.MILLISECONDS);
    return driver;
  }

  private void tick() {
    for (EdgeAgent agent : agents) {
      agent
          .updates()
          .flatMap(u -> u.model(model))
          .flatMap(ModelSlot::active)
          .ifPresent(
              version -> {
                float[] input = new float[version.model().inputSize()];
                for (int i = 0; i < input.length; i++) {
                  input[i] = (float) random.nextGaussian();
                }
                try {
                  agent.infer(model, input);
                } catch (InferenceException e) {
                  // Counted as an inference error; the device keeps going.
                }
              });
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
