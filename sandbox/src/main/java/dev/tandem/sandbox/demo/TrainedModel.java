package dev.tandem.sandbox.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the train step registered, handed to the steps that ship it: set once the version is read
 * back from the control plane, so a later step never rolls out a version that is not there.
 */
final class TrainedModel {
  /**
   * One registered version.
   *
   * @param edgeVariants the registered variants built for the edge runtime (the small boards), in
   *     the order the version declares them
   */
  record Version(String model, String version, List<EdgeVariant> edgeVariants) {
    Version {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(version, "version");
      edgeVariants = List.copyOf(edgeVariants);
    }

    /** The smallest edge variant: what a constrained board is sent. */
    Optional<EdgeVariant> smallestEdgeVariant() {
      return edgeVariants.stream().min(Comparator.comparingLong(EdgeVariant::sizeBytes));
    }
  }

  /** A registered edge variant and its artifact's size. */
  record EdgeVariant(String name, long sizeBytes) {}

  private volatile Version registered;

  void registered(Version version) {
    registered = Objects.requireNonNull(version, "version");
  }

  /** The registered version; fails plainly when the train step did not pass. */
  Version require() {
    Version version = registered;
    if (version == null) {
      throw new IllegalStateException(
          "needs step '" + TrainOnLakeStep.NAME + "', which did not pass");
    }
    return version;
  }
}
