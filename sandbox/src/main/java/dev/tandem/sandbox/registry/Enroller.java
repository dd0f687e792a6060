package dev.tandem.sandbox.registry;

import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Enrolls many simulated devices the way devices are provisioned ({@link DeviceEnrollment}: an
 * operator makes an enrollment token, the device exchanges it). The API has one call per device for
 * each, so {@code parallel} enrollments run at once (the control plane answers each call in about a
 * millisecond of its CPU; the calls' round trips are what a serial loop waits for).
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
   * Enrolls every device of {@code ids} with that hardware class, in that group; answers what each
   * got, in the order of {@code ids}.
   *
   * @throws IllegalStateException naming the first refusal
   */
  public List<DeviceEnrollment> enroll(List<String> ids, String hardwareClass, String group)
      throws InterruptedException {
    return each(ids, id -> DeviceEnrollment.enroll(admin, id, hardwareClass, List.of(group)));
  }

  /**
   * Like {@link #enroll}, but a device the registry knows already gets new credentials instead
   * ({@link DeviceEnrollment#enrollOrRenew}): for fleets that start again on the same data.
   */
  public List<DeviceEnrollment> enrollOrRenew(List<String> ids, String hardwareClass, String group)
      throws InterruptedException {
    return each(
        ids, id -> DeviceEnrollment.enrollOrRenew(admin, id, hardwareClass, List.of(group)));
  }

  /** One device's enrollment. */
  @FunctionalInterface
  private interface EnrollOne {
    DeviceEnrollment enroll(String id) throws IOException, InterruptedException;
  }

  private List<DeviceEnrollment> each(List<String> ids, EnrollOne one) throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    int count = ids.size();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, Math.max(1, count)));
    try {
      List<Future<DeviceEnrollment>> futures = new ArrayList<>(count);
      for (String id : ids) {
        futures.add(
            pool.submit(
                () -> {
                  DeviceEnrollment enrolled = one.enroll(id);
                  int n = done.incrementAndGet();
                  if (n % 1000 == 0 || n == count) {
                    progress.printf("  enrolled %d / %d devices%n", n, count);
                  }
                  return enrolled;
                }));
      }
      List<DeviceEnrollment> enrolled = new ArrayList<>(count);
      for (Future<DeviceEnrollment> future : futures) {
        enrolled.add(future.get());
      }
      return enrolled;
    } catch (ExecutionException e) {
      throw new IllegalStateException("enrollment failed: " + e.getCause().getMessage(), e);
    } finally {
      pool.shutdownNow();
    }
  }
}
