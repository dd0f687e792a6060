package dev.tandem.sandbox.registry;

import dev.tandem.trainer.registry.RegistryApi;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enrolls simulated devices the way devices are provisioned: an operator makes an enrollment token,
 * the device exchanges it. The API has one call per device for each, so {@code parallel} calls run
 * at once (the control plane answers each in about a millisecond of its CPU; the calls' round trips
 * are what a serial loop waits for).
 */
public final class Enroller {
  private final RegistryApi admin;
  private final int parallel;
  private final PrintStream progress;

  /**
   * @param admin a client with an operator (or admin) token
   * @param parallel enrollments at once
   * @param progress where every thousandth enrollment and the last are reported
   */
  public Enroller(RegistryApi admin, int parallel, PrintStream progress) {
    if (parallel < 1) {
      throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
    }
    this.admin = admin;
    this.parallel = parallel;
    this.progress = progress;
  }

  /**
   * Enrolls every device of {@code ids} with that hardware class, in that group.
   *
   * @throws IllegalStateException naming the first refusal
   */
  public void enroll(List<String> ids, String hardwareClass, String group)
      throws InterruptedException {
    RegistryApi anonymous = admin.as(null);
    AtomicInteger done = new AtomicInteger();
    int count = ids.size();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, count)));
    try {
      List<Future<?>> futures = new ArrayList<>(count);
      for (String id : ids) {
        futures.add(
            pool.submit(
                () -> {
                  String token =
                      admin
                          .post(
                              "/api/v1/enrollment-tokens",
                              Map.of("hardwareClass", hardwareClass, "groups", List.of(group)))
                          .path("token")
                          .asText();
                  anonymous.post(
                      "/api/v1/devices/enroll", Map.of("enrollmentToken", token, "deviceId", id));
                  int n = done.incrementAndGet();
                  if (n % 1000 == 0 || n == count) {
                    progress.printf("  enrolled %d / %d devices%n", n, count);
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("enrollment failed: " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }
}
