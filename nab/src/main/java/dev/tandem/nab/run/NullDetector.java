package dev.tandem.nab.run;

import dev.tandem.edge.detect.Detector;
import dev.tandem.edge.detect.DetectorSignal;

/** NAB's null detector: never fires. Scores 0 by definition; a check on the harness. */
final class NullDetector implements Detector {
  @Override
  public DetectorSignal update(long timestampMillis, double value) {
    return DetectorSignal.QUIET;
  }

  @Override
  public double score() {
    return 0;
  }

  @Override
  public String name() {
    return "null";
  }

  @Override
  public void reset() {}
}
