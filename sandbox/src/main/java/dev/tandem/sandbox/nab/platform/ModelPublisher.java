package dev.tandem.sandbox.nab.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.nab.loop.FeatureSpec;
import dev.tandem.nab.loop.ForecastModel;
import dev.tandem.nab.loop.LoopConfig;
import dev.tandem.nab.loop.artifact.ForecastArtifact;
import dev.tandem.nab.loop.artifact.ForecastVariant;
import dev.tandem.sandbox.registry.VersionBodies;
import dev.tandem.trainer.registry.RegistryApi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cloud's half of a switch, through the control plane's REST API: registers a trained
 * forecaster as a version (both variants, {@code fp32} and {@code int8}, as {@code .tedg} files;
 * lineage naming the exact rows it was trained on), uploads the artifacts, and creates a rollout of
 * the chosen variant to the stream's one device (docs/rollouts.md), once the stream's previous
 * rollout has finished.
 */
final class ModelPublisher {
  static final String HARDWARE = "x86-cpu";
  static final String GROUP = "nab-loop";
  private static final Set<String> STOPPED = Set.of("PAUSED", "FAILED", "ABORTED", "ROLLED_BACK");
  private static final long POLL_MILLIS = 50;

  /** A registered and rolled-out version, with its artifact sizes. */
  record Published(String version, String rolloutId, int fp32Bytes, int int8Bytes) {}

  private final RegistryApi admin;
  private final LoopConfig config;
  private final ForecastVariant variant;

  ModelPublisher(RegistryApi admin, LoopConfig config, ForecastVariant variant) {
    this.admin = admin;
    this.config = config;
    this.variant = variant;
  }

  /** Creates the stream's model. */
  void createModel(String model, String series) throws IOException, InterruptedException {
    admin.post(
        "/api/v1/models", Map.of("name", model, "description", "NAB loop forecaster of " + series));
  }

  /** The version label of a model trained on {@code rows} rows: {@code 1.0.<rows>}. */
  static String version(int rows) {
    return "1.0." + rows;
  }

  /**
   * Registers {@code trained}, then rolls it out to {@code deviceId} after {@code previousRollout}
   * (null for the first) has completed.
   *
   * @param snapshot the rows it was trained on, as a reproducible reference and its digest
   */
  Published publish(
      String model,
      String deviceId,
      ForecastModel trained,
      String parentVersion,
      String previousRollout,
      RowSnapshot snapshot)
      throws IOException, InterruptedException {
    String version = version(trained.trainedRows());
    byte[] fp32 = ForecastArtifact.toBytes(trained, model, version, ForecastVariant.FP32);
    byte[] int8 = ForecastArtifact.toBytes(trained, model, version, ForecastVariant.INT8);
    String base = "/api/v1/models/" + model + "/versions";
    admin.post(base, body(trained, version, parentVersion, snapshot, fp32, int8));
    admin.putBytes(base + "/" + version + "/variants/fp32/artifact", fp32);
    admin.putBytes(base + "/" + version + "/variants/int8/artifact", int8);
    if (previousRollout != null) {
      awaitCompleted(previousRollout);
    }
    String rollout =
        admin.post("/api/v1/rollouts", rollout(model, version, deviceId)).path("id").asText();
    return new Published(version, rollout, fp32.length, int8.length);
  }

  private Map<String, Object> body(
      ForecastModel trained,
      String version,
      String parentVersion,
      RowSnapshot snapshot,
      byte[] fp32,
      byte[] int8) {
    FeatureSpec spec = trained.spec();
    Map<String, Object> card = new LinkedHashMap<>();
    card.put(
        "description",
        "ridge forecaster of the next value (NAB loop): %d lags, periods %s ms, half width %d"
            .formatted(spec.lags(), spec.periodsMillis(), spec.seasonalHalfWidth()));
    card.put(
        "inputs",
        List.of(
            Map.of("name", "features", "dtype", "float32", "shape", List.of(-1, spec.width()))));
    card.put(
        "outputs",
        List.of(Map.of("name", "forecast", "dtype", "float32", "shape", List.of(-1, 1))));
    card.put("parameters", spec.width() + 1);
    card.put("sizeBytes", fp32.length);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("trainedRows", trained.trainedRows());
    parameters.put("firstRow", 0);
    parameters.put("lastRow", trained.trainedRows() - 1);
    parameters.put("lastRowTimestampMs", snapshot.lastTimestampMillis());
    parameters.put("lags", spec.lags());
    parameters.put("periodsMs", spec.periodsMillis().toString());
    parameters.put("seasonalHalfWidth", spec.seasonalHalfWidth());
    parameters.put("ridgePenalty", config.ridgePenalty());
    parameters.put("maxExamples", config.maxExamples());
    Map<String, Object> lineage = new LinkedHashMap<>();
    lineage.put("dataset", Map.of("manifest", snapshot.manifest(), "sha256", snapshot.sha256()));
    if (parentVersion != null) {
      lineage.put("parentVersion", parentVersion);
    }
    lineage.put("trainingParameters", parameters);
    lineage.put("codeVersion", "tandem-nab-loop/ridge");
    List<Map<String, Object>> variants = new ArrayList<>();
    variants.add(variant("fp32", fp32));
    variants.add(variant("int8", int8));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("card", card);
    body.put("lineage", lineage);
    body.put("variants", variants);
    return body;
  }

  private static Map<String, Object> variant(String name, byte[] artifact) {
    return VersionBodies.declaration(new VersionBodies.Variant(name, HARDWARE, artifact), "tedg");
  }

  private Map<String, Object> rollout(String model, String version, String deviceId) {
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("waves", Map.of("percent", List.of(100)));
    strategy.put("successThreshold", 1.0);
    strategy.put("bakeTime", "0s");
    strategy.put("gate", Map.of("requireHealthData", false));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", model);
    body.put("version", version);
    body.put("selector", "id=" + deviceId);
    body.put("variants", Map.of(HARDWARE, variant.variantName()));
    body.put("strategy", strategy);
    return body;
  }

  /** A rollout of the same model to the same device is refused while one is unfinished. */
  private void awaitCompleted(String rolloutId) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      JsonNode rollout = admin.get("/api/v1/rollouts/" + rolloutId);
      String state = rollout.path("state").asText();
      if (state.equals("COMPLETED")) {
        return;
      }
      if (STOPPED.contains(state) || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "rollout %s did not complete: state %s, devices %s"
                .formatted(rolloutId, state, rollout.path("devicesByState")));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
