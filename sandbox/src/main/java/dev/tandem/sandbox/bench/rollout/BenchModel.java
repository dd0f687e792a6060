package dev.tandem.sandbox.bench.rollout;

import dev.tandem.edgemodel.Activation;
import dev.tandem.edgemodel.DenseLayer;
import dev.tandem.edgemodel.EdgeModel;
import dev.tandem.edgemodel.EdgeModelWriter;
import dev.tandem.sandbox.registry.VersionBodies;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The model the benchmark rolls out: a real edge-model file (64 inputs, 32 hidden, 2 outputs, float
 * weights, about 9 KB), registered as one version with one variant for the fleet's hardware class
 * and its artifact uploaded. The rollout signs it when it is created.
 */
final class BenchModel {
  static final String NAME = "bench-rollout";
  static final String VERSION = "1.0.0";
  static final String VARIANT = "fp32";
  static final String HARDWARE = "x86-cpu";
  static final int INPUTS = 64;
  private static final int HIDDEN = 32;

  private BenchModel() {}

  /** The artifact: deterministic small weights, so every output is finite on any input. */
  static byte[] artifact() {
    SplittableRandom random = new SplittableRandom(42);
    float[] w1 = new float[INPUTS * HIDDEN];
    for (int i = 0; i < w1.length; i++) {
      w1[i] = (float) (random.nextDouble() - 0.5) * 0.1f;
    }
    float[] w2 = new float[HIDDEN * 2];
    for (int i = 0; i < w2.length; i++) {
      w2[i] = (float) (random.nextDouble() - 0.5) * 0.1f;
    }
    EdgeModel model =
        EdgeModel.builder()
            .name(NAME)
            .version(VERSION)
            .layer(DenseLayer.float32(INPUTS, HIDDEN, Activation.RELU, w1, new float[HIDDEN]))
            .layer(DenseLayer.float32(HIDDEN, 2, Activation.LINEAR, w2, new float[2]))
            .metadata("task", "classify")
            .build();
    return EdgeModelWriter.toBytes(model);
  }

  /** Registers the model and its version and uploads the artifact; answers the artifact. */
  static byte[] register(RegistryApi admin) throws IOException, InterruptedException {
    byte[] artifact = artifact();
    admin.post("/api/v1/models", Map.of("name", NAME, "description", "rollout benchmark model"));
    String model = "/api/v1/models/" + NAME;
    var variant = new VersionBodies.Variant(VARIANT, HARDWARE, artifact);
    admin.post(model + "/versions", VersionBodies.version(VERSION, null, List.of(variant), "tedg"));
    admin.putBytes(model + "/versions/" + VERSION + "/variants/" + VARIANT + "/artifact", artifact);
    return artifact;
  }
}
