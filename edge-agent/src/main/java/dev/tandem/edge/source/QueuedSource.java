package dev.tandem.edge.source;

import java.time.InstantSource;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Readings pushed by another thread (a network callback, a reader) and pulled by the stream's
 * pipeline thread, through a bounded queue: when the pipeline falls behind, the newest text is
 * dropped and counted rather than memory growing.
 */
abstract class QueuedSource implements ReadingSource {
  private static final String END = "\u0000end";

  private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(10_000);
  private final InstantSource clock;
  private final Consumer<String> warnings;
  private final String name;
  private volatile boolean ended;
  private long dropped;
  private long unparsable;

  QueuedSource(String name, InstantSource clock, Consumer<String> warnings) {
    this.name = name;
    this.clock = clock;
    this.warnings = warnings;
  }

  /** Called by the producing thread. */
  final void offer(String text) {
    if (!queue.offer(text)) {
      dropped++;
      if (dropped == 1 || dropped % 10_000 == 0) {
        warnings.accept(name + ": pipeline behind, " + dropped + " readings dropped so far");
      }
    }
  }

  final String name() {
    return name;
  }

  final void end() {
    ended = true;
    queue.offer(END); // may not fit a full queue: next() also checks the flag
  }

  @Override
  public void wakeUp() {
    end();
  }

  @Override
  public boolean next(MutableReading into) throws InterruptedException {
    while (true) {
      String text = queue.poll(100, TimeUnit.MILLISECONDS);
      if (text == null) {
        if (ended) {
          return false;
        }
        continue;
      }
      if (END.equals(text)) {
        return false;
      }
      if (LineParser.parse(text, clock.millis(), into)) {
        return true;
      }
      unparsable++;
      if (unparsable == 1 || unparsable % 1_000 == 0) {
        warnings.accept(
            name + ": not a reading: '" + abbreviate(text) + "' (" + unparsable + " so far)");
      }
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
