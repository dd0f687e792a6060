package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.topic.TopicKind;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An interrupted appender closes the segment's FileChannel; the outbox must still close cleanly.
 */
class OutboxInterruptTest {
  @TempDir Path dir;

  @Test
  void closeAfterAnAppendOnAnInterruptedThreadKeepsWhatWasAppended() throws Exception {
    Outbox outbox = Outbox.open(OutboxConfig.defaults(dir, 1 << 20), InstantSource.system());
    long first = outbox.append(MessageClass.EVENT, TopicKind.UPDATES, seq -> new byte[] {1, 2});
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread interrupted =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              try {
                outbox.append(MessageClass.EVENT, TopicKind.UPDATES, seq -> new byte[] {3});
              } catch (RuntimeException e) {
                failure.set(e);
              }
            });
    interrupted.start();
    interrupted.join();

    outbox.close();

    try (Outbox reopened =
        Outbox.open(OutboxConfig.defaults(dir, 1 << 20), InstantSource.system())) {
      assertThat(reopened.poll(10)).extracting(OutboxRecord::sequence).contains(first);
    }
  }
}
