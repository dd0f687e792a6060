package dev.tandem.servers.probe;

import dev.tandem.servers.ServerKind;
import java.time.Duration;

/** Sends one real request to a server and checks the answer. */
public interface ServerProbe {
  ServerKind kind();

  /**
   * Runs the check and returns what it proved.
   *
   * @throws Exception anything that went wrong; {@link #run} turns it into a failed result
   */
  String check() throws Exception;

  /** Runs {@link #check} and times it; never throws. */
  default ProbeResult run() {
    long start = System.nanoTime();
    try {
      String detail = check();
      return new ProbeResult(kind(), true, Duration.ofNanos(System.nanoTime() - start), detail);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ProbeResult(
          kind(), false, Duration.ofNanos(System.nanoTime() - start), "interrupted");
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new ProbeResult(kind(), false, Duration.ofNanos(System.nanoTime() - start), reason);
    }
  }
}
