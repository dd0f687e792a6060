package dev.tandem.ingest.lake.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SequenceWindowTest {

  @Test
  void newSequencesPassAndRepeatsAreDuplicates() {
    SequenceWindow w = new SequenceWindow(64);
    assertThat(w.offer(1)).isEqualTo(Verdict.NEW);
    assertThat(w.offer(2)).isEqualTo(Verdict.NEW);
    assertThat(w.offer(1)).isEqualTo(Verdict.DUPLICATE);
    assertThat(w.offer(5)).isEqualTo(Verdict.NEW);
    assertThat(w.offer(3)).as("a gap filled late").isEqualTo(Verdict.NEW);
    assertThat(w.offer(3)).isEqualTo(Verdict.DUPLICATE);
    assertThat(w.offer(4)).isEqualTo(Verdict.NEW);
    assertThat(w.high()).isEqualTo(5);
  }

  @Test
  void sequencesOlderThanTheWindowAreBeyondIt() {
    SequenceWindow w = new SequenceWindow(64);
    w.offer(1);
    w.offer(100);
    assertThat(w.offer(36)).isEqualTo(Verdict.BEYOND_WINDOW);
    assertThat(w.offer(37)).as("inside the window, never seen").isEqualTo(Verdict.NEW);
    assertThat(w.offer(1)).isEqualTo(Verdict.BEYOND_WINDOW);
  }

  @Test
  void aJumpPastTheWindowForgetsEverythingBelowIt() {
    SequenceWindow w = new SequenceWindow(64);
    for (long s = 1; s <= 64; s++) {
      w.offer(s);
    }
    w.offer(1000);
    assertThat(w.offer(999)).isEqualTo(Verdict.NEW);
    assertThat(w.offer(1000)).isEqualTo(Verdict.DUPLICATE);
  }

  @Test
  void agreesWithAnExactSetInsideTheWindow() {
    Random random = new Random(7);
    SequenceWindow w = new SequenceWindow(128);
    TreeSet<Long> seen = new TreeSet<>();
    long high = 0;
    for (int i = 0; i < 20_000; i++) {
      long s = Math.max(1, high + random.nextInt(40) - 30);
      Verdict v = w.offer(s);
      if (s <= high - 128) {
        assertThat(v).isEqualTo(Verdict.BEYOND_WINDOW);
        continue;
      }
      assertThat(v).isEqualTo(seen.add(s) ? Verdict.NEW : Verdict.DUPLICATE);
      high = Math.max(high, s);
    }
  }

  @Test
  void restoresFromItsEncodedForm() {
    SequenceWindow w = new SequenceWindow(128);
    for (long s : new long[] {3, 4, 9, 130, 131}) {
      w.offer(s);
    }
    SequenceWindow back = SequenceWindow.restore(128, w.high(), w.encodedBits());
    assertThat(back.offer(9)).isEqualTo(Verdict.DUPLICATE);
    assertThat(back.offer(130)).isEqualTo(Verdict.DUPLICATE);
    assertThat(back.offer(10)).isEqualTo(Verdict.NEW);
    assertThat(back.offer(2)).isEqualTo(Verdict.BEYOND_WINDOW);
  }

  @Test
  void sizeMustBeAPositiveMultipleOf64() {
    assertThatThrownBy(() -> new SequenceWindow(100)).hasMessageContaining("multiple of 64");
    assertThatThrownBy(() -> SequenceWindow.restore(128, 5, "AAAA"))
        .hasMessageContaining("window is 128");
  }
}
