package dev.tandem.trainer.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tandem.edgemodel.EdgeModelFormat;
import dev.tandem.trainer.TrainerError;
import dev.tandem.trainer.TrainerException;
import dev.tandem.trainer.optimize.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's files: {@code <variant>.savedmodel.zip} or {@code <variant>.tedg}, {@code
 * model-card.json} (card and lineage) and {@code report.json}.
 */
public final class Outputs {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Outputs() {}

  /** The file name of a variant's artifact. */
  public static String fileName(Variant v) {
    return v.name()
        + (v.report().format().equals(Variant.SAVEDMODEL)
            ? ".savedmodel.zip"
            : EdgeModelFormat.FILE_SUFFIX);
  }

  static void write(
      Path dir, List<Variant> variants, Map<String, Object> card, Map<String, Object> lineage) {
    try {
      Files.createDirectories(dir);
      for (Variant v : variants) {
        Files.write(dir.resolve(fileName(v)), v.artifact());
      }
      Map<String, Object> modelCard = new LinkedHashMap<>();
      modelCard.put("card", card);
      modelCard.put("lineage", lineage);
      JSON.writeValue(dir.resolve("model-card.json").toFile(), modelCard);
    } catch (IOException e) {
      throw new TrainerException(
          TrainerError.EXPORT_FAILED, "cannot write to " + dir + ": " + e, e);
    }
  }

  static void writeReport(Path dir, JobResult result) {
    try {
      JSON.writeValue(dir.resolve("report.json").toFile(), result);
    } catch (IOException e) {
      throw new TrainerException(TrainerError.EXPORT_FAILED, "cannot write report: " + e, e);
    }
  }
}
