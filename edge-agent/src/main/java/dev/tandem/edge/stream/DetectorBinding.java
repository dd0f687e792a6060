package dev.tandem.edge.stream;

import dev.tandem.edge.detect.Detector;
import dev.tandem.protocol.v1.EventKind;
import dev.tandem.protocol.v1.Severity;
import java.util.Objects;

/** A detector on a stream, with the kind and severity of the events it raises. */
public record DetectorBinding(Detector detector, EventKind kind, Severity severity) {
  public DetectorBinding {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(severity, "severity");
  }
}
