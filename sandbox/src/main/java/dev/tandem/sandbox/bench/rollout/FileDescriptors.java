package dev.tandem.sandbox.bench.rollout;

import java.lang.management.ManagementFactory;

/**
 * The file descriptors the benchmark's JVM needs: the embedded broker holds a socket per simulated
 * device, and so do the devices when they run in the same JVM; Kafka, PostgreSQL clients, S3 and
 * the rest take a few thousand more.
 */
final class FileDescriptors {
  static final int BASE = 3000;

  private FileDescriptors() {}

  static long neededFor(int devices, boolean fleetInThisJvm) {
    return (fleetInThisJvm ? 2L : 1L) * devices + BASE;
  }

  static int devicesWithin(long limit, boolean fleetInThisJvm) {
    return (int) Math.max(0, (limit - BASE) / (fleetInThisJvm ? 2 : 1));
  }

  /** This JVM's limit on open files, or -1 where the platform does not say. */
  static long limit() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      return unix.getMaxFileDescriptorCount();
    }
    return -1;
  }
}
