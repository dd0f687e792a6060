package dev.tandem.trainer.job;

import dev.tandem.trainer.model.Architecture;
import dev.tandem.trainer.model.TrainOptions;
import dev.tandem.trainer.optimize.OptimizationPlan;
import java.net.URI;
import java.nio.file.Path;

/**
 * One training job, validated (see {@link JobConfigReader} for the YAML).
 *
 * @param version the version to register
 * @param parentVersion the version this one follows, or null
 * @param registry where to register, or null to export only
 * @param output where to write the artifacts, report and model card, or null for none
 */
public record JobConfig(
    String model,
    String version,
    String parentVersion,
    String description,
    DataSpec data,
    Architecture teacher,
    TrainOptions training,
    OptimizationPlan optimization,
    Registry registry,
    Path output) {

  /** The control plane and the token to register with. */
  public record Registry(URI url, String token) {
    @Override
    public String toString() {
      return "Registry[" + url + "]";
    }
  }
}
