package dev.tandem.edge.model;

import dev.tandem.protocol.update.UpdateFailureReason;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The active version of one named model, and the previous one kept loaded for an instant local
 * rollback. Inference may run on any thread while the update client switches versions: a switch is
 * one volatile write.
 */
public final class ModelSlot {
  private static final Logger LOG = Logger.getLogger(ModelSlot.class.getName());

  /** A loaded version. */
  public record Version(String version, LoadedModel model) {
    public Version {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(model, "model");
    }
  }

  /** Hears when a version on probation fails it; called on the inference thread, must not block. */
  @FunctionalInterface
  public interface ProbationListener {
    void failed(ModelSlot slot, String version, UpdateFailureReason reason, String detail);
  }

  private final String name;
  private final InferenceCounters counters;
  private final InputHistory history;
  private final ProbationListener listener;
  private volatile Version active;
  private volatile Version previous;
  private volatile Probation probation;

  public ModelSlot(
      String name, InferenceCounters counters, InputHistory history, ProbationListener listener) {
    this.name = Objects.requireNonNull(name, "name");
    this.counters = Objects.requireNonNull(counters, "counters");
    this.history = Objects.requireNonNull(history, "history");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  public String name() {
    return name;
  }

  /** The active version, if any. */
  public Optional<Version> active() {
    return Optional.ofNullable(active);
  }

  /** The previous version kept loaded for rollback, if any. */
  public Optional<Version> previous() {
    return Optional.ofNullable(previous);
  }

  /** Whether {@code version} is on probation now. */
  public boolean onProbation(String version) {
    Probation p = probation;
    return p != null && p.version().equals(version);
  }

  /**
   * Answers {@code input} with the active version. If it throws or gives a non-finite or misshapen
   * output, the error is counted and the previous version answers instead, when there is one.
   *
   * @throws InferenceException when no version could answer
   */
  public float[] infer(float[] input) {
    Version current = active;
    if (current == null) {
      throw new InferenceException("no version of model '" + name + "' is active", null);
    }
    history.add(input);
    long start = System.nanoTime();
    float[] output = null;
    RuntimeException failure = null;
    try {
      output = current.model().infer(input);
    } catch (RuntimeException e) {
      failure = e;
    }
    boolean invalid = failure == null && !valid(output, current.model().outputSize());
    boolean error = failure != null || invalid;
    counters.record(System.nanoTime() - start, error, !error && current.model().isAnomaly(output));
    judge(current.version(), failure != null, invalid);
    if (!error) {
      return output;
    }
    return fallback(current, input, failure);
  }

  private void judge(String version, boolean crashed, boolean invalid) {
    Probation p = probation;
    if (p == null || !p.version().equals(version)) {
      return;
    }
    switch (p.observe(crashed, invalid)) {
      case FAILED -> {
        UpdateFailureReason reason =
            p.mostlyCrashes()
                ? UpdateFailureReason.RUNTIME_CRASHED
                : UpdateFailureReason.OUTPUT_INVALID;
        listener.failed(this, version, reason, p.detail());
      }
      case PASSED -> {
        if (probation == p) {
          probation = null;
        }
      }
      case PENDING -> {}
    }
  }

  private float[] fallback(Version failed, float[] input, RuntimeException failure) {
    Version prior = previous;
    Version now = active;
    if (prior == null && now != failed) {
      prior = now; // reverted meanwhile: the version now active answers
    }
    if (prior != null) {
      try {
        float[] output = prior.model().infer(input);
        if (valid(output, prior.model().outputSize())) {
          return output;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "previous version of " + name + " failed too", e);
      }
    }
    throw new InferenceException(
        "model '" + name + "' version " + failed.version() + " gave no valid output", failure);
  }

  static boolean valid(float[] output, int expectedLength) {
    if (output == null || output.length != expectedLength) {
      return false;
    }
    for (float v : output) {
      if (!Float.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** Makes {@code version} active without probation, as at start from disk. */
  public void install(Version version) {
    Version old = active;
    active = version;
    probation = null;
    if (old != null) {
      closeQuietly(old);
    }
  }

  /**
   * Makes {@code next} active; the one active so far becomes the previous (the one before it is
   * closed). The new version is on probation for its first {@code probationInferences}.
   */
  public void activate(Version next, int probationInferences, double maxErrorRate) {
    Version old = active;
    Version older = previous;
    previous = old;
    probation =
        probationInferences > 0
            ? new Probation(next.version(), probationInferences, maxErrorRate)
            : null;
    active = next;
    if (older != null
        && (old == null || older.model() != old.model())
        && older.model() != next.model()) {
      closeQuietly(older);
    }
  }

  /**
   * Switches back to the previous version if {@code bad} is still active.
   *
   * @return the version now active, or empty if there was nothing to go back to
   */
  public Optional<Version> revert(String bad) {
    Version current = active;
    Version prior = previous;
    if (current == null || !current.version().equals(bad) || prior == null) {
      return Optional.empty();
    }
    active = prior;
    previous = null;
    probation = null;
    closeQuietly(current);
    return Optional.of(prior);
  }

  /** Forgets the previous version (and closes it), e.g. after it was pruned from disk. */
  public void dropPrevious() {
    Version prior = previous;
    previous = null;
    if (prior != null) {
      closeQuietly(prior);
    }
  }

  private static void closeQuietly(Version version) {
    try {
      version.model().close();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "closing version " + version.version() + " failed", e);
    }
  }
}
