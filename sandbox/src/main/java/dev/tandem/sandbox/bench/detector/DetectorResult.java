package dev.tandem.sandbox.bench.detector;

import java.util.List;

/**
 * The detector family's figures: the teacher and its students as the NAB loop's forecasters.
 *
 * @param teacher the teacher's architecture
 * @param student the student's architecture
 * @param series series scored
 * @param trainings models trained per variant over the corpus
 * @param variants the teacher first, then the students
 * @param smallestStudent the smallest student whose NAB loss is within the tolerance (or the
 *     smallest student if none is)
 * @param sizeReductionPercent how much smaller its artifact is than the teacher's
 * @param qualityLossPoints its standard NAB score below the teacher's
 * @param toleranceMet whether that loss is within the tolerance
 * @param ridge the adopted ridge detector through its fp32 and int8 files, for reference
 */
public record DetectorResult(
    String teacher,
    String student,
    int series,
    long trainings,
    List<DetectorVariant> variants,
    String smallestStudent,
    double sizeReductionPercent,
    double qualityLossPoints,
    boolean toleranceMet,
    List<DetectorVariant> ridge) {
  public DetectorResult {
    variants = List.copyOf(variants);
    ridge = List.copyOf(ridge);
  }
}
