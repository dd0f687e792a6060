package dev.tandem.sandbox.bench.registry;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used during the measured window by the control plane's process, the PostgreSQL server
 * processes, and this JVM (load generator plus the idle embedded servers): with the request count
 * it gives CPU milliseconds per request, which tells what a machine of its own would sustain even
 * when this one is shared.
 */
final class CpuMeter {
  private final long registryPid;
  private Map<String, Long> start;
  private Map<String, Long> used;

  CpuMeter(long registryPid) {
    this.registryPid = registryPid;
  }

  void start() {
    start = snapshot();
  }

  void stop() {
    Map<String, Long> end = snapshot();
    used = new LinkedHashMap<>();
    end.forEach((part, nanos) -> used.put(part, nanos - start.getOrDefault(part, 0L)));
  }

  /** Nanoseconds of CPU per part over the window; empty before {@link #stop}. */
  Map<String, Long> used() {
    return used == null ? Map.of() : used;
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> parts = new LinkedHashMap<>();
    parts.put("cloud-registry", cpu(ProcessHandle.of(registryPid).orElse(null)));
    long postgres =
        ProcessHandle.current()
            .descendants()
            .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
            .mapToLong(CpuMeter::cpu)
            .sum();
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
