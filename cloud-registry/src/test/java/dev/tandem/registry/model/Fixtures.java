package dev.tandem.registry.model;

import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Request bodies and calls the model registry's tests share. */
final class Fixtures {
  private Fixtures() {}

  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static byte[] bytes(int length, long seed) {
    byte[] data = new byte[length];
    new Random(seed).nextBytes(data);
    return data;
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, Object> card() {
    return Map.of(
        "description",
        "vibration anomaly detector",
        "inputs",
        List.of(Map.of("name", "window", "dtype", "float32", "shape", List.of(-1, 64))),
        "outputs",
        List.of(Map.of("name", "scores", "dtype", "float32", "shape", List.of(-1, 2))),
        "metrics",
        Map.of("f1", 0.93, "auc", 0.97),
        "parameters",
        2658,
        "sizeBytes",
        11800);
  }

  static Map<String, Object> lineage(String parentVersion) {
    var lineage =
        new java.util.HashMap<String, Object>(
            Map.of(
                "dataset",
                    Map.of(
                        "manifest",
                        "s3://tandem-lake/snapshots/2026-11-01/manifest.json",
                        "sha256",
                        "ab".repeat(32)),
                "trainingParameters", Map.of("epochs", 20, "optimizer", "adam", "lr", 0.001),
                "codeVersion", "git:4129e7f"));
    if (parentVersion != null) {
      lineage.put("parentVersion", parentVersion);
    }
    return lineage;
  }

  static Map<String, Object> variant(String name, byte[] artifact) {
    return Map.of(
        "name",
        name,
        "format",
        "savedmodel",
        "hardwareClasses",
        List.of("x86-cpu", "jetson-orin"),
        "sha256",
        sha256(artifact),
        "length",
        artifact.length);
  }

  static Map<String, Object> version(String version, List<Map<String, Object>> variants) {
    return Map.of(
        "version", version, "card", card(), "lineage", lineage(null), "variants", variants);
  }

  static void createModel(String name) {
    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("name", name, "description", "test model"))
        .post("/api/v1/models")
        .then()
        .statusCode(201);
  }

  static void createVersion(String model, Map<String, Object> body) {
    postVersion(model, body).statusCode(201);
  }

  /** Posts a version as an admin; answers the response to check. */
  static ValidatableResponse postVersion(String model, Map<String, Object> body) {
    return TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/models/{name}/versions", model)
        .then();
  }
}
