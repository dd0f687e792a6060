package dev.tandem.trainer.job;

import dev.tandem.edgemodel.EdgeModelFormat;
import dev.tandem.trainer.data.DatasetLineage;
import dev.tandem.trainer.optimize.Variant;
import dev.tandem.trainer.optimize.VariantReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model card and lineage bodies in the registry's shapes (docs/api.md, "A version"). */
final class ModelCards {
  private ModelCards() {}

  static Map<String, Object> card(JobConfig config, List<Variant> variants) {
    VariantReport teacher = variants.get(0).report();
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("description", config.description());
    card.put(
        "inputs",
        List.of(
            Map.of(
                "name",
                "input",
                "dtype",
                "float32",
                "shape",
                List.of(-1, config.teacher().inputs()))));
    card.put(
        "outputs",
        List.of(
            Map.of(
                "name",
                "output",
                "dtype",
                "float32",
                "shape",
                List.of(-1, config.teacher().outputs()))));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put(teacher.metricName(), round(teacher.metric()));
    for (Variant v : variants) {
      VariantReport r = v.report();
      metrics.put(v.name() + "." + r.metricName(), round(r.metric()));
      metrics.put(v.name() + ".qualityLoss", round(r.qualityLoss()));
      metrics.put(v.name() + ".sizeBytes", r.sizeBytes());
      metrics.put(v.name() + ".latencyMicros", round(r.latencyMicros()));
    }
    card.put("metrics", metrics);
    card.put("parameters", teacher.parameterCount());
    card.put("sizeBytes", teacher.sizeBytes());
    return card;
  }

  static Map<String, Object> lineage(JobConfig config, DatasetLineage dataset) {
    Map<String, Object> lineage = new LinkedHashMap<>();
    lineage.put("dataset", Map.of("manifest", dataset.manifest(), "sha256", dataset.sha256()));
    if (config.parentVersion() != null) {
      lineage.put("parentVersion", config.parentVersion());
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("seed", config.training().seed());
    p.put("epochs", config.training().maxEpochs());
    p.put("batchSize", config.training().batchSize());
    p.put("learningRate", config.training().learningRate());
    p.put("patience", config.training().patience());
    p.put("optimizer", "adam");
    p.put("teacher", config.teacher().toString());
    p.put("student", config.optimization().student().toString());
    p.put("distillation.alpha", config.optimization().alpha());
    p.put("distillation.temperature", config.optimization().temperature());
    p.put("pruning.sparsity", config.optimization().sparsity());
    p.put("pruning.fineTuneEpochs", config.optimization().fineTuneEpochs());
    p.put("tolerance", config.optimization().tolerance());
    p.put("split.validation", config.data().split().validation());
    p.put("split.test", config.data().split().test());
    p.put("edgeFormatVersion", EdgeModelFormat.VERSION);
    if (dataset.snapshotId() != null) {
      p.put("snapshotId", dataset.snapshotId());
    }
    if (config.data() instanceof DataSpec.Lake lake) {
      p.put("stream", lake.stream());
      p.put("field", lake.field());
      p.put("window", lake.window());
      p.put("from", lake.range().from().toString());
      p.put("to", lake.range().to().toString());
      p.put("devices", String.join(",", lake.devices().patterns()));
    }
    lineage.put("trainingParameters", p);
    lineage.put("codeVersion", CodeVersion.current());
    return lineage;
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
