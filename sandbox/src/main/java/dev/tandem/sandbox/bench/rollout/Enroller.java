package dev.tandem.sandbox.bench.rollout;

import dev.tandem.sandbox.registry.DeviceEnrollment;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enrolls the benchmark's devices the way devices are provisioned: an operator makes an enrollment
 * token, the device exchanges it. The API has one call per device for each, so {@code parallel}
 * calls run at once (the control plane answers each in about a millisecond of its CPU; the calls'
 * round trips are what a serial loop waits for).
 */
final class Enroller {
  static final String GROUP = "rollout-bench";

  private final RegistryApi admin;
  private final int parallel;
  private final PrintStream progress;

  Enroller(RegistryApi admin, int parallel, PrintStream progress) {
    this.admin = admin;
    this.parallel = parallel;
    this.progress = progress;
  }

  /** The device id of benchmark device {@code index}. */
  static String deviceId(int index) {
    return "rb-%05d".formatted(index);
  }

  /** Enrolls devices {@code 0..count-1}; answers their ids in order. */
  List<String> enroll(int count) throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<String>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String id = deviceId(i);
        futures.add(
            pool.submit(
                () -> {
                  DeviceEnrollment.enroll(admin, id, BenchModel.HARDWARE, List.of(GROUP));
                  int n = done.incrementAndGet();
                  if (n % 1000 == 0 || n == count) {
                    progress.printf("  enrolled %d / %d devices%n", n, count);
                  }
                  return id;
                }));
      }
      List<String> ids = new ArrayList<>(count);
      for (Future<String> future : futures) {
        ids.add(future.get());
      }
      return ids;
    } catch (ExecutionException e) {
      throw new IllegalStateException("enrollment failed: " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }
}
