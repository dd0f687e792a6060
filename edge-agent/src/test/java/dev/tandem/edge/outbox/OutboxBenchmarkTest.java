package dev.tandem.edge.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs and checks its own drain; its numbers are not judged here. */
class OutboxBenchmarkTest {
  @Test
  void run_drainsEverythingItAppended(@TempDir Path temp) {
    OutboxBenchmark.Result result =
        OutboxBenchmark.run(temp.resolve("bench"), 5_000, 200, FsyncPolicy.INTERVAL);

    assertThat(result.records()).isEqualTo(5_000);
    assertThat(result.appendPerSecond()).isPositive();
    assertThat(result.drainPerSecond()).isPositive();
    assertThat(result.bytesOnDisk()).isGreaterThan(5_000L * 200);
    assertThat(result.toJson()).startsWith("{\"records\":5000,");
  }
}
