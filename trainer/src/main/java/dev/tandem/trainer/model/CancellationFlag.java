package dev.tandem.trainer.model;

import java.util.concurrent.atomic.AtomicBoolean;

/** Set from any thread to stop a training job at its next batch. */
public final class CancellationFlag {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
