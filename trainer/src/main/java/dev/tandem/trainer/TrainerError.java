package dev.tandem.trainer;

import java.util.Locale;

/** Why a training job failed. The {@link #code()} strings are stable. */
public enum TrainerError {
  /** The job's configuration is invalid (the message names the key). */
  BAD_CONFIG,
  /** The data cannot be trained on: too few rows, non-finite values, a split with no examples. */
  BAD_DATA,
  /** The training loss became NaN or infinite. */
  NAN_LOSS,
  /** The job was cancelled. */
  CANCELLED,
  /** No variant met the job's quality tolerance. */
  QUALITY_NOT_MET,
  /** Writing the SavedModel, the edge file or the model card failed. */
  EXPORT_FAILED,
  /** The lake could not be read. */
  LAKE_UNAVAILABLE,
  /** The control plane could not be reached (retriable). */
  REGISTRY_UNAVAILABLE,
  /** The control plane refused the registration (not retriable as it is). */
  REGISTRY_REFUSED;

  /** The stable code, e.g. {@code trainer.nan-loss}. */
  public String code() {
    return "trainer." + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether running the same job again later can succeed. */
  public boolean retriable() {
    return this == REGISTRY_UNAVAILABLE || this == LAKE_UNAVAILABLE;
  }
}
