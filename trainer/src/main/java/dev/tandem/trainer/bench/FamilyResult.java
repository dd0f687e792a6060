package dev.tandem.trainer.bench;

import dev.tandem.trainer.optimize.VariantReport;
import java.util.List;

/**
 * One model family's figures.
 *
 * @param teacherSamplesPerSecond training throughput of the teacher (examples per second)
 * @param studentSamplesPerSecond training throughput of the student's distillation
 * @param smallestStudent the smallest registered student variant
 * @param sizeReductionPercent how much smaller it is than the teacher's full-precision artifact
 * @param qualityLoss its quality loss against the teacher (points or percent)
 */
public record FamilyResult(
    String family,
    String teacher,
    String student,
    int trainExamples,
    double teacherSamplesPerSecond,
    double studentSamplesPerSecond,
    List<VariantReport> variants,
    String smallestStudent,
    double sizeReductionPercent,
    double qualityLoss,
    String qualityUnit) {}
