package dev.tandem.edge.update;

import dev.tandem.protocol.update.ReportedSteps;
import dev.tandem.protocol.v1.UpdateStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * An {@link UpdateReporter} that gathers the steps of one update reached within {@code window} of
 * the first into one report ({@code UpdateStepReport.earlier_steps}): an update that goes from
 * received to active in moments costs one message rather than five, and every step keeps its own
 * timing. A final step (ACTIVE, FAILED, REVERTED), a step of another update, and {@link
 * #modelsChanged} send what is gathered at once, so reports stay in order and the outcome is never
 * held back; a slow step (a long download) sends the earlier ones when the window ends.
 */
public final class CoalescingUpdateReporter implements UpdateReporter {
  /** Where gathered steps go: one call, one message. */
  @FunctionalInterface
  public interface Sink {
    /**
     * Publishes the steps of one update, oldest first (at least one; see {@link
     * ReportedSteps#builder}).
     */
    void publish(String rolloutId, String model, String version, List<ReportedSteps.Step> steps);
  }

  private final Sink sink;
  private final Runnable modelsChanged;
  private final ScheduledExecutorService timer;
  private final long windowNanos;
  private final LongSupplier nanoClock;
  private Pending pending;

  private record Reached(UpdateStep step, String reason, long durationMillis, long atNanos) {}

  private static final class Pending {
    final String rolloutId;
    final String model;
    final String version;
    final List<Reached> steps = new ArrayList<>(5);

    Pending(String rolloutId, String model, String version) {
      this.rolloutId = rolloutId;
      this.model = model;
      this.version = version;
    }

    boolean sameUpdate(String rolloutId, String model, String version) {
      return this.rolloutId.equals(rolloutId)
          && this.model.equals(model)
          && this.version.equals(version);
    }
  }

  /**
   * @param sink publishes gathered steps
   * @param modelsChanged publishes a state report (after the steps gathered so far)
   * @param timer sends what a window gathered when it ends; may be shared by many reporters
   * @param window how long steps may wait for the next one; zero sends every step on its own
   */
  public CoalescingUpdateReporter(
      Sink sink, Runnable modelsChanged, ScheduledExecutorService timer, Duration window) {
    this(sink, modelsChanged, timer, window, System::nanoTime);
  }

  CoalescingUpdateReporter(
      Sink sink,
      Runnable modelsChanged,
      ScheduledExecutorService timer,
      Duration window,
      LongSupplier nanoClock) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.modelsChanged = Objects.requireNonNull(modelsChanged, "modelsChanged");
    this.timer = Objects.requireNonNull(timer, "timer");
    if (window.isNegative()) {
      throw new IllegalArgumentException("window must not be negative: " + window);
    }
    this.windowNanos = window.toNanos();
    this.nanoClock = nanoClock;
  }

  @Override
  public synchronized void step(
      String rolloutId,
      String model,
      String version,
      UpdateStep step,
      String reason,
      long durationMillis) {
    if (pending != null && !pending.sameUpdate(rolloutId, model, version)) {
      flush();
    }
    boolean first = pending == null;
    if (first) {
      pending = new Pending(rolloutId, model, version);
    }
    pending.steps.add(new Reached(step, reason, durationMillis, nanoClock.getAsLong()));
    if (windowNanos == 0 || isFinal(step)) {
      flush();
    } else if (first) {
      Pending waiting = pending;
      try {
        timer.schedule(() -> flushIfStill(waiting), windowNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        flush(); // the timer is shut down: send now rather than never
      }
    }
  }

  @Override
  public synchronized void modelsChanged() {
    flush();
    modelsChanged.run();
  }

  /** Sends whatever is gathered now (e.g. before the agent stops). */
  public synchronized void flush() {
    Pending sending = pending;
    pending = null;
    if (sending == null) {
      return;
    }
    long now = nanoClock.getAsLong();
    List<ReportedSteps.Step> steps = new ArrayList<>(sending.steps.size());
    for (Reached reached : sending.steps) {
      steps.add(
          new ReportedSteps.Step(
              reached.step(),
              reached.reason(),
              reached.durationMillis(),
              TimeUnit.NANOSECONDS.toMillis(now - reached.atNanos())));
    }
    sink.publish(sending.rolloutId, sending.model, sending.version, steps);
  }

  private synchronized void flushIfStill(Pending waiting) {
    if (pending == waiting) {
      flush();
    }
  }

  private static boolean isFinal(UpdateStep step) {
    return step == UpdateStep.UPDATE_STEP_ACTIVE
        || step == UpdateStep.UPDATE_STEP_FAILED
        || step == UpdateStep.UPDATE_STEP_REVERTED;
  }
}
