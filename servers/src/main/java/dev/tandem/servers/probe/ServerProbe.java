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
      return new ProbeResult(kind(), false, Duration.ofNanos(System.nanoTime() - start), reason(e));
    }
  }

  /** The message of {@code e} followed by those of its causes: the root cause is what helps. */
  private static String reason(Throwable e) {
    StringBuilder reason = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (!reason.isEmpty()) {
        reason.append(": ");
      }
      reason.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }
    return reason.toString();
  }
}
