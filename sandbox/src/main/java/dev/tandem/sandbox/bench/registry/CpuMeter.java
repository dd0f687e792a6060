package dev.tandem.sandbox.bench.registry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used during the measured window by the control plane's process, the PostgreSQL server
 * processes, and this JVM (load generator plus the idle embedded servers): with the request count
 * it gives CPU milliseconds per request, which tells what a machine of its own would sustain even
 * when this one is shared.
 */
public final class CpuMeter {
  private final long registryPid;
  private final long postmasterPid;
  private Map<String, Long> start;
  private Map<String, Long> used;

  /**
   * @param dataDir the sandbox's data directory, where the embedded PostgreSQL keeps its
   *     postmaster.pid (pg_ctl starts the server detached, so it is no child of this JVM)
   */
  public CpuMeter(long registryPid, Path dataDir) throws IOException {
    this.registryPid = registryPid;
    this.postmasterPid = postmaster(dataDir);
  }

  private static long postmaster(Path dataDir) throws IOException {
    try (Stream<Path> files = Files.walk(dataDir, 4)) {
      Path pidFile =
          files
              .filter(f -> f.getFileName().toString().equals("postmaster.pid"))
              .findFirst()
              .orElse(null);
      return pidFile == null ? -1 : Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
    }
  }

  public void start() {
    start = snapshot();
  }

  public void stop() {
    Map<String, Long> end = snapshot();
    used = new LinkedHashMap<>();
    end.forEach((part, nanos) -> used.put(part, nanos - start.getOrDefault(part, 0L)));
  }

  /** Nanoseconds of CPU per part over the window; empty before {@link #stop}. */
  public Map<String, Long> used() {
    return used == null ? Map.of() : used;
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("cloud-registry", cpu(ProcessHandle.of(registryPid).orElse(null)));
    long postgres =
        ProcessHandle.of(postmasterPid)
            .map(p -> cpu(p) + p.descendants().mapToLong(CpuMeter::cpu).sum())
            .orElse(0L);
    parts.put("postgres", postgres);
    var os = ManagementFactory.getOperatingSystemMXBean();
    long self =
        os instanceof com.sun.management.OperatingSystemMXBean
            ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime()
            : 0;
    parts.put("load generator JVM", self);
    return parts;
  }

  private static long cpu(ProcessHandle process) {
    if (process == null) {
      return 0;
    }
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }
}
