package dev.tandem.trainer.job;

import dev.tandem.ingest.lake.TimeRange;
import dev.tandem.trainer.data.DeviceSelector;
import dev.tandem.trainer.data.TimeSplit;
import java.net.URI;

/** Where a job's examples come from. */
public sealed interface DataSpec {
  TimeSplit split();

  /**
   * Forecast windows of one stream from the lake's telemetry.
   *
   * @param s3 the object store's URL
   */
  record Lake(
      URI s3,
      String accessKey,
      String secretKey,
      String region,
      String bucket,
      String prefix,
      TimeRange range,
      DeviceSelector devices,
      String stream,
      String field,
      int window,
      TimeSplit split)
      implements DataSpec {
    @Override
    public String toString() {
      return "Lake[" + s3 + " " + bucket + "/" + prefix + " " + range + " " + stream + "]";
    }
  }

  /** Labelled vibration windows from the seeded generator. */
  record SyntheticVibration(int examples, int window, long seed, TimeSplit split)
      implements DataSpec {}
}
