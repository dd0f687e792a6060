package dev.tandem.trainer.optimize;

import dev.tandem.edgemodel.EdgeModel;

/**
 * A candidate artifact of a training job, measured.
 *
 * @param model the network it holds (the edge model description; float32 or int8 weights)
 * @param artifact the bytes to register: a zipped SavedModel or an edge model file
 */
public record Variant(String name, EdgeModel model, byte[] artifact, VariantReport report) {
  public static final String SAVEDMODEL = "savedmodel";
  public static final String EDGE = "tandem-edge";

  public boolean registered() {
    return report.registered();
  }
}
