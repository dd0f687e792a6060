package dev.tandem.trainer.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled vibration-like windows from a seeded generator, for the window classifier: a shaft
 * rotating at a drifting frequency, plus the signature of one fault class, plus noise. The same
 * seed gives the same windows.
 *
 * <p>Classes: {@code normal} (the fundamental, small), {@code imbalance} (a strong fundamental),
 * {@code misalignment} (a strong second harmonic), {@code bearing} (short high-frequency bursts).
 * The generator lives in the trainer rather than reusing the edge agent's simulated sensors, which
 * produce unlabelled streams; these windows carry their class by construction.
 */
public final class VibrationWindows {
  /** The class names, in output order. */
  public static final List<String> CLASSES =
      List.of("normal", "imbalance", "misalignment", "bearing");

  private VibrationWindows() {}

  /**
   * {@code count} windows of {@code length} samples, one-hot labelled, one window per second of
   * simulated time starting at {@code startMs}, classes drawn at random.
   */
  public static Examples generate(long seed, int count, int length, long startMs) {
    SplittableRandom random = new SplittableRandom(seed);
    int classes = CLASSES.size();
    float[] x = new float[count * length];
    float[] y = new float[count * classes];
    long[] t = new long[count];
    for (int n = 0; n < count; n++) {
      int label = random.nextInt(classes);
      double f = 0.05 + 0.02 * random.nextDouble(); // cycles per sample
      double phase = random.nextDouble() * 2 * Math.PI;
      double a1 = label == 1 ? 1.0 + 0.5 * random.nextDouble() : 0.5 + 0.4 * random.nextDouble();
      double a2 = label == 2 ? 0.35 + 0.3 * random.nextDouble() : 0.2 * random.nextDouble();
      int burstAt = random.nextInt(length);
      for (int i = 0; i < length; i++) {
        double v =
            a1 * Math.sin(2 * Math.PI * f * i + phase)
                + a2 * Math.sin(2 * Math.PI * 2 * f * i + 2 * phase)
                + 0.3 * random.nextGaussian();
        if (label == 3) {
          int d = Math.floorMod(i - burstAt, length / 4);
          if (d < 3) {
            v += (0.9 - 0.25 * d) * Math.sin(2 * Math.PI * 0.4 * i);
          }
        }
        x[n * length + i] = (float) v;
      }
      y[n * classes + label] = 1f;
      t[n] = startMs + 1000L * n;
    }
    return new Examples(length, classes, x, y, t);
  }
}
