package dev.tandem.sandbox.nab.platform;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.Locale;

/** The closing lines of a platform loop run: trainings, switches and artifact sizes. */
public final class PlatformSummary {
  private PlatformSummary() {}

  public static void print(PrintWriter out, Collection<PlatformLoopRunner.StreamReport> reports) {
    int trainings = 0;
    int switches = 0;
    int published = 0;
    long fp32 = 0;
    long int8 = 0;
    long duplicates = 0;
    for (var report : reports) {
      trainings += report.trainings();
      switches += report.switches().size();
      duplicates += report.duplicates();
      for (var training : report.published()) {
        if (training.published().isPresent()) {
          published++;
          fp32 += training.published().get().fp32Bytes();
          int8 += training.published().get().int8Bytes();
        }
      }
    }
    out.printf(
        Locale.ROOT,
        "%d trainings in the cloud, %d versions registered (fp32 + int8 each) and rolled out,"
            + " %d switches on the agents; each model trained on exactly the rows before its"
            + " switch%n",
        trainings,
        published,
        switches);
    if (published > 0) {
      out.printf(
          Locale.ROOT,
          "artifacts: fp32 %.0f bytes, int8 %.0f bytes on average (%.0f%%); %d duplicate"
              + " sample batches dropped%n",
          (double) fp32 / published,
          (double) int8 / published,
          100.0 * int8 / fp32,
          duplicates);
    }
    out.flush();
  }
}
