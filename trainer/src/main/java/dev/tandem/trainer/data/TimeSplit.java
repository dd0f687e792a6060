package dev.tandem.trainer.data;

import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;

/**
 * Splits time-ordered examples into train, validation and test by time: every training example is
 * older than every validation example, which is older than every test example. Examples that share
 * a timestamp stay in the same part, so nothing from one instant leaks across a boundary.
 *
 * @param validation share of examples for validation, e.g. 0.15
 * @param test share of examples for the test, e.g. 0.15
 */
public record TimeSplit(double validation, double test) {
  public TimeSplit {
    if (!(validation > 0) || !(test > 0) || validation + test >= 0.9) {
      throw new IllegalArgumentException(
          "validation and test shares must be positive and leave at least 10% for training");
    }
  }

  /** The three parts. */
  public record Parts(Examples train, Examples validation, Examples test) {}

  /**
   * @throws TrainerException {@link TrainerError#BAD_DATA} when a part would be empty
   */
  public Parts split(Examples all) {
    int n = all.size();
    int testStart = boundary(all, (int) Math.round(n * (1 - test)));
    int validationStart = boundary(all, (int) Math.round(n * (1 - test - validation)));
    if (validationStart < 1 || testStart <= validationStart || testStart >= n) {
      throw new TrainerException(
          TrainerError.BAD_DATA,
          n + " examples are too few to split into train, validation and test by time");
    }
    return new Parts(
        all.slice(0, validationStart),
        all.slice(validationStart, testStart),
        all.slice(testStart, n));
  }

  /** Moves {@code at} back to the first example of its timestamp. */
  private static int boundary(Examples all, int at) {
    long[] t = all.timeMs();
    int i = Math.min(at, t.length);
    while (i > 0 && i < t.length && t[i - 1] == t[i]) {
      i--;
    }
    return i;
  }
}
