package dev.tandem.edge.update;

import dev.tandem.protocol.update.ReportedSteps;
import dev.tandem.protocol.v1.Header;
import dev.tandem.protocol.v1.UpdateStep;
import java.util.List;

/** Where the update client says what it did; the agent publishes on {@code fleet/{id}/updates}. */
public interface UpdateReporter {

  /**
   * One step of one model update.
   *
   * @param reason empty, or {@code code: detail} for FAILED and REVERTED
   * @param durationMillis time spent in the step before this one
   */
  void step(
      String rolloutId,
      String model,
      String version,
      UpdateStep step,
      String reason,
      long durationMillis);

  /** The active model versions changed: publish a state report now. */
  void modelsChanged();

  /** The wire form of one {@link #step}, for reporters that publish it. */
  static byte[] encode(
      Header header,
      String rolloutId,
      String model,
      String version,
      UpdateStep step,
      String reason,
      long durationMillis) {
    return encode(
        header,
        rolloutId,
        model,
        version,
        List.of(new ReportedSteps.Step(step, reason, durationMillis, 0)));
  }

  /**
   * The wire form of several steps of one update in one message, oldest first (see {@link
   * CoalescingUpdateReporter}).
   */
  static byte[] encode(
      Header header,
      String rolloutId,
      String model,
      String version,
      List<ReportedSteps.Step> steps) {
    return ReportedSteps.builder(steps)
        .setHeader(header)
        .setRolloutId(rolloutId)
        .setModel(model)
        .setVersion(version)
        .build()
        .toByteArray();
  }
}
