package dev.tandem.sandbox.bench.detector;

import java.util.Locale;

/**
 * One forecaster variant's NAB run.
 *
 * @param name the variant, e.g. {@code teacher-fp32}, {@code student-int8}, {@code ridge-fp32}
 * @param artifactFormat what its size counts: {@code savedmodel} (a zipped SavedModel, as the
 *     trainer registers a full-precision model for x86 targets) or {@code tandem-edge} (the {@code
 *     .tedg} file the agent runs, loop metadata included)
 * @param meanArtifactBytes that artifact's size, averaged over the corpus' trainings
 * @param minArtifactBytes the smallest over the trainings
 * @param maxArtifactBytes the largest
 * @param meanEdgeFileBytes the {@code .tedg} file the loop's agent ran, averaged
 * @param standard NAB score, standard profile
 * @param lowFp NAB score, reward_low_FP_rate
 * @param lowFn NAB score, reward_low_FN_rate
 * @param windowsFound windows detected (standard profile)
 * @param falsePositives detections outside every window (standard profile)
 * @param windowsMissed windows missed (standard profile)
 * @param meanHeldOutRmse the forecast's RMSE (normalised units) on each training's newest 15% of
 *     examples, held out of its training, averaged over the trainings (NaN for ridge)
 * @param lossPoints standard score of the teacher minus this one's (0 for the teacher)
 * @param seconds wall time of its corpus run (the teacher's includes every training)
 */
public record DetectorVariant(
    String name,
    String artifactFormat,
    double meanArtifactBytes,
    long minArtifactBytes,
    long maxArtifactBytes,
    double meanEdgeFileBytes,
    double standard,
    double lowFp,
    double lowFn,
    int windowsFound,
    int falsePositives,
    int windowsMissed,
    double meanHeldOutRmse,
    double lossPoints,
    double seconds) {

  /** A table row: name, artifact, sizes, scores, windows, loss. */
  public String row() {
    return String.format(
        Locale.ROOT,
        "%-20s %-11s %9.0f %8.0f %6.3f %8.2f %7.2f %7.2f %3d %4d %3d %+7.2f %7.0f",
        name,
        artifactFormat,
        meanArtifactBytes,
        meanEdgeFileBytes,
        meanHeldOutRmse,
        standard,
        lowFp,
        lowFn,
        windowsFound,
        falsePositives,
        windowsMissed,
        -lossPoints,
        seconds);
  }

  public static String header() {
    return String.format(
        Locale.ROOT,
        "%-20s %-11s %9s %8s %6s %8s %7s %7s %3s %4s %3s %7s %7s",
        "variant",
        "artifact",
        "bytes",
        ".tedg",
        "rmse",
        "standard",
        "low-FP",
        "low-FN",
        "tp",
        "fp",
        "fn",
        "delta",
        "s");
  }
}
