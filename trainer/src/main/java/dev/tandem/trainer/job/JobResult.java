package dev.tandem.trainer.job;

import dev.tandem.trainer.data.DatasetLineage;
import dev.tandem.trainer.model.EpochProgress;
import dev.tandem.trainer.optimize.VariantReport;
import java.util.List;
import java.util.Map;

/**
 * What a finished job did; written as {@code report.json} next to its artifacts.
 *
 * @param registeredVariants the variants sent to the control plane (empty without a registry)
 * @param teacherSamplesPerSecond training throughput of the teacher
 * @param studentSamplesPerSecond training throughput of the student's distillation
 */
public record JobResult(
    String model,
    String version,
    String task,
    DatasetLineage dataset,
    int trainExamples,
    int validationExamples,
    int testExamples,
    List<EpochProgress> teacherHistory,
    double teacherSamplesPerSecond,
    List<VariantReport> variants,
    List<String> registeredVariants,
    boolean registered,
    Map<String, Object> card,
    Map<String, Object> lineage) {}
