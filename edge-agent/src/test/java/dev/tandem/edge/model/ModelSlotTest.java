package dev.tandem.edge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.protocol.update.UpdateFailureReason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSlotTest {
  private final InferenceCounters counters = new InferenceCounters();
  private final InputHistory history = new InputHistory(4);
  private final List<String> failures = new ArrayList<>();
  private final ModelSlot slot =
      new ModelSlot(
          "m",
          counters,
          history,
          (s, version, reason, detail) -> failures.add(version + " " + reason.code()));

  /** Answers {@code value} for inputs below 100, then {@code large} (NaN, or throws if null). */
  private static LoadedModel model(float value, Float large) {
    return new LoadedModel() {
      @Override
      public int inputSize() {
        return 1;
      }

      @Override
      public int outputSize() {
        return 2;
      }

      @Override
      public float[] infer(float[] input) {
        if (input[0] < 100) {
          return new float[] {value, 0};
        }
        if (large == null) {
          throw new IllegalStateException("boom");
        }
        return new float[] {large, 0};
      }
    };
  }

  @Test
  void noActiveVersionIsAClearError() {
    assertThatThrownBy(() -> slot.infer(new float[] {1}))
        .isInstanceOf(InferenceException.class)
        .hasMessageContaining("no version of model 'm'");
  }

  @Test
  void countsInferencesErrorsAndAnomalies() {
    slot.install(new ModelSlot.Version("1", model(1, Float.NaN)));
    slot.infer(new float[] {1}); // class 0 wins: 1 > 0
    assertThatThrownBy(() -> slot.infer(new float[] {200})).isInstanceOf(InferenceException.class);
    assertThat(counters.snapshot())
        .containsEntry(InferenceCounters.INFERENCES, 2L)
        .containsEntry(InferenceCounters.INFERENCE_ERRORS, 1L)
        .containsEntry(InferenceCounters.ANOMALIES, 0L);
    slot.install(new ModelSlot.Version("1b", model(-1, Float.NaN)));
    slot.infer(new float[] {1}); // class 1 wins: 0 > -1
    assertThat(counters.snapshot()).containsEntry(InferenceCounters.ANOMALIES, 1L);
  }

  @Test
  void newVersionThatCrashesFailsProbationOnceAndThePreviousAnswersMeanwhile() {
    slot.install(new ModelSlot.Version("1", model(1, 7f)));
    slot.activate(new ModelSlot.Version("2", model(2, null)), 10, 0.2);

    assertThat(slot.infer(new float[] {1})[0]).isEqualTo(2f);
    for (int i = 0; i < 5; i++) {
      assertThat(slot.infer(new float[] {500})[0]).isEqualTo(7f); // version 1 answers
    }

    assertThat(failures).containsExactly("2 " + UpdateFailureReason.RUNTIME_CRASHED.code());
    assertThat(slot.revert("2")).hasValueSatisfying(v -> assertThat(v.version()).isEqualTo("1"));
    assertThat(slot.active().orElseThrow().version()).isEqualTo("1");
    assertThat(slot.revert("2")).isEmpty();
  }

  @Test
  void probationPassesAfterItsLengthWithinTheErrorBudget() {
    slot.install(new ModelSlot.Version("1", model(1, 7f)));
    slot.activate(new ModelSlot.Version("2", model(2, Float.NaN)), 10, 0.2);
    slot.infer(new float[] {500});
    slot.infer(new float[] {500});
    for (int i = 0; i < 8; i++) {
      slot.infer(new float[] {1});
    }
    assertThat(slot.onProbation("2")).isFalse();
    for (int i = 0; i < 5; i++) {
      slot.infer(new float[] {500});
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void historyKeepsTheNewestInputsOfTheAskedSize() {
    for (int i = 0; i < 6; i++) {
      history.add(new float[] {i});
    }
    history.add(new float[] {1, 2});
    assertThat(history.recent(1)).extracting(a -> a[0]).containsExactly(3f, 4f, 5f);
    assertThat(history.recent(2)).hasSize(1);
  }
}
