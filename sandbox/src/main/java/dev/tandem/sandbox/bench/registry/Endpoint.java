package dev.tandem.sandbox.bench.registry;

/** The requests of the load. */
enum Endpoint {
  /** {@code GET /api/v1/device/desired} with a device token: signed targets and presigned URLs. */
  DEVICE_DESIRED("GET /api/v1/device/desired", true),
  /** {@code GET .../variants/{variant}/download}: one presigned artifact URL. */
  ARTIFACT_URL("GET .../variants/{v}/download", true),
  /** {@code GET /api/v1/models} with a viewer token: an operator's listing. */
  LIST_MODELS("GET /api/v1/models", false),
  /** {@code GET /q/health/live}: the framework's floor, the baseline measured in the same run. */
  LIVENESS_FLOOR("GET /q/health/live (baseline)", false);

  private final String label;
  private final boolean deviceFacing;

  Endpoint(String label, boolean deviceFacing) {
    this.label = label;
    this.deviceFacing = deviceFacing;
  }

  String label() {
    return label;
  }

  /** Whether it is on the path of a device fetching an update (the goal's subject). */
  boolean deviceFacing() {
    return deviceFacing;
  }
}
