package dev.tandem.sandbox.nab.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The replay's clock, and nothing else: the cloud side says here, per device and row count, that
 * the training due at that count is done (the version it registered and rolled out, or none when
 * the rows held no complete example), so that the replaying agent can hold row {@code k} until the
 * model trained on rows {@code 0 .. k-1} is active. Rows and models never pass through here; they
 * travel through the broker, Kafka, the registry and the rollout. A live device never waits.
 */
final class TrainingPacing {
  private final ConcurrentHashMap<String, CompletableFuture<Optional<String>>> outcomes =
      new ConcurrentHashMap<>();

  private CompletableFuture<Optional<String>> outcome(String deviceId, int rows) {
    return outcomes.computeIfAbsent(deviceId + "@" + rows, k -> new CompletableFuture<>());
  }

  /** The training of {@code deviceId} at {@code rows} rows ended with {@code version}, or none. */
  void trained(String deviceId, int rows, Optional<String> version) {
    outcome(deviceId, rows).complete(version);
  }

  /** The training of {@code deviceId} at {@code rows} rows failed. */
  void failed(String deviceId, int rows, Throwable cause) {
    outcome(deviceId, rows).completeExceptionally(cause);
  }

  /**
   * Waits for the training of {@code deviceId} at {@code rows} rows.
   *
   * @throws IllegalStateException if it failed or did not end within {@code timeout}
   */
  Optional<String> await(String deviceId, int rows, Duration timeout) throws InterruptedException {
    try {
      return outcome(deviceId, rows).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "%s: training at %d rows failed: %s".formatted(deviceId, rows, e.getCause()),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "%s: no training at %d rows within %s (are the rows reaching Kafka?)"
              .formatted(deviceId, rows, timeout));
    } finally {
      outcomes.remove(deviceId + "@" + rows);
    }
  }
}
