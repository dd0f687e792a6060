package dev.tandem.sandbox.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of {@code POST /api/v1/models/{name}/versions}, with card and lineage. */
public final class VersionBodies {
  private VersionBodies() {}

  /**
   * One variant to declare.
   *
   * @param hardwareClass the one hardware class it is for
   */
  public record Variant(String name, String hardwareClass, byte[] artifact) {}

  /** How a version declares {@code variant}: name, format, hardware class, digest and length. */
  public static Map<String, Object> declaration(Variant variant, String format) {
    return Map.of(
        "name", variant.name(),
        "format", format,
        "hardwareClasses", List.of(variant.hardwareClass()),
        "sha256", Artifacts.sha256(variant.artifact()),
        "length", variant.artifact().length);
  }

  /** A version of a small anomaly detector; {@code parent} may be null. */
  public static Map<String, Object> version(String version, String parent, List<Variant> variants) {
    return version(version, parent, variants, "savedmodel");
  }

  /** The same, with the variants' artifact format (e.g. {@code tedg} for edge-model files). */
  public static Map<String, Object> version(
      String version, String parent, List<Variant> variants, String format) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("description", "vibration anomaly detector (sandbox)");
    card.put(
        "inputs", List.of(Map.of("name", "window", "dtype", "float32", "shape", List.of(-1, 64))));
    card.put(
        "outputs", List.of(Map.of("name", "scores", "dtype", "float32", "shape", List.of(-1, 2))));
    card.put("metrics", Map.of("f1", 0.93, "auc", 0.97));
    card.put("parameters", 2658);
    Map<String, Object> lineage = new LinkedHashMap<>();
    lineage.put(
        "dataset",
        Map.of(
            "manifest",
            "s3://tandem-lake/snapshots/sandbox/manifest.json",
            "sha256",
            Artifacts.sha256(
                ("manifest:" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    if (parent != null) {
      lineage.put("parentVersion", parent);
    }
    lineage.put("trainingParameters", Map.of("epochs", 20, "optimizer", "adam", "lr", 0.001));
    lineage.put("codeVersion", "git:sandbox");
    List<Map<String, Object>> declared = new ArrayList<>();
    for (Variant variant : variants) {
      declared.add(declaration(variant, format));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("card", card);
    body.put("lineage", lineage);
    body.put("variants", declared);
    return body;
  }
}
