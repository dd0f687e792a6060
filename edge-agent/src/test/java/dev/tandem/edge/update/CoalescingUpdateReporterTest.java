package dev.tandem.edge.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.tandem.protocol.update.ReportedSteps.Step;
import dev.tandem.protocol.v1.UpdateStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescingUpdateReporterTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final BlockingQueue<Object> sent = new LinkedBlockingQueue<>();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private record Message(String rollout, String model, String version, List<Step> steps) {}

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private CoalescingUpdateReporter reporter(Duration window) {
    return new CoalescingUpdateReporter(
        (rollout, model, version, steps) ->
            sent.add(new Message(rollout, model, version, List.copyOf(steps))),
        () -> sent.add("state"),
        timer,
        window,
        nanos::get);
  }

  private void advanceMillis(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void aFastUpdateIsOneMessageWithEveryStepInOrderAndItsOwnTiming() {
    CoalescingUpdateReporter reporter = reporter(Duration.ofSeconds(10));
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_RECEIVED, "", 1);
    advanceMillis(3);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_DOWNLOADING, "", 3);
    advanceMillis(20);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_VERIFIED, "", 20);
    assertThat(sent).isEmpty();
    advanceMillis(5);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_ACTIVE, "", 5);
    reporter.modelsChanged();

    assertThat(new ArrayList<>(sent))
        .containsExactly(
            new Message(
                "r-1",
                "m",
                "2",
                List.of(
                    new Step(UpdateStep.UPDATE_STEP_RECEIVED, "", 1, 28),
                    new Step(UpdateStep.UPDATE_STEP_DOWNLOADING, "", 3, 25),
                    new Step(UpdateStep.UPDATE_STEP_VERIFIED, "", 20, 5),
                    new Step(UpdateStep.UPDATE_STEP_ACTIVE, "", 5, 0))),
            "state");
  }

  @Test
  void aFailureIsSentAtOnceWithItsReason() {
    CoalescingUpdateReporter reporter = reporter(Duration.ofSeconds(10));
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_RECEIVED, "", 0);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_FAILED, "hash_mismatch: x", 4);

    assertThat(sent).hasSize(1);
    Message message = (Message) sent.peek();
    assertThat(message.steps())
        .extracting(Step::step, Step::reason)
        .containsExactly(
            tuple(UpdateStep.UPDATE_STEP_RECEIVED, ""),
            tuple(UpdateStep.UPDATE_STEP_FAILED, "hash_mismatch: x"));
  }

  @Test
  void stepsOfASlowUpdateAreSentWhenTheWindowEnds() throws InterruptedException {
    CoalescingUpdateReporter reporter = reporter(Duration.ofMillis(50));
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_RECEIVED, "", 0);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_DOWNLOADING, "", 1);

    Message early = (Message) sent.poll(5, TimeUnit.SECONDS);
    assertThat(early).isNotNull();
    assertThat(early.steps())
        .extracting(Step::step)
        .containsExactly(UpdateStep.UPDATE_STEP_RECEIVED, UpdateStep.UPDATE_STEP_DOWNLOADING);

    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_VERIFIED, "", 900);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_ACTIVE, "", 2);
    Message late = (Message) sent.poll(5, TimeUnit.SECONDS);
    assertThat(late.steps())
        .extracting(Step::step)
        .containsExactly(UpdateStep.UPDATE_STEP_VERIFIED, UpdateStep.UPDATE_STEP_ACTIVE);
    Thread.sleep(100); // the first window's timer fired already; nothing else comes
    assertThat(sent).isEmpty();
  }

  @Test
  void aStepOfAnotherUpdateSendsThePreviousOneFirst() {
    CoalescingUpdateReporter reporter = reporter(Duration.ofSeconds(10));
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_RECEIVED, "", 0);
    reporter.step("r-2", "m", "3", UpdateStep.UPDATE_STEP_RECEIVED, "", 0);
    reporter.flush();

    assertThat(new ArrayList<>(sent))
        .extracting(m -> ((Message) m).rollout())
        .containsExactly("r-1", "r-2");
  }

  @Test
  void aZeroWindowSendsEveryStepOnItsOwn() {
    CoalescingUpdateReporter reporter = reporter(Duration.ZERO);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_RECEIVED, "", 0);
    reporter.step("r-1", "m", "2", UpdateStep.UPDATE_STEP_DOWNLOADING, "", 0);

    assertThat(sent).hasSize(2);
  }

  @Test
  void aNegativeWindowIsRefused() {
    assertThatThrownBy(() -> reporter(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("window");
  }
}
