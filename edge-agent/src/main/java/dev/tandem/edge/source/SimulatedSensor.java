package dev.tandem.edge.source;

import dev.tandem.edge.config.SourceConfig.InjectedFault;
import dev.tandem.edge.config.SourceConfig.SimulatedProfile;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, physically plausible sensor. Temperature: a daily cycle, slow drift and noise; overheat
 * faults ramp it up. Vibration: a 25 Hz shaft tone and its harmonic with noise; bearing faults add
 * decaying impulses at a defect frequency. Power: load steps with noise; spike faults add short
 * surges. Any profile takes {@code spike} faults. The same seed gives the same stream.
 */
public final class SimulatedSensor implements ReadingSource {
  private static final double DAY_SECONDS = 86_400;

  private final SimulatedProfile profile;
  private final SplittableRandom random;
  private final InjectedFault[] faults;
  private final long startMillis;
  private final double periodSeconds;
  private final long limit;
  private final boolean paced;
  private long index;
  private double load = 2.0;

  /**
   * @param startMillis event time of the first reading
   * @param limit readings to produce, or {@code Long.MAX_VALUE} for an endless stream
   * @param paced hand readings over in real time rather than as fast as possible
   */
  public SimulatedSensor(
      SimulatedProfile profile,
      double rateHz,
      long seed,
      List<InjectedFault> faults,
      long startMillis,
      long limit,
      boolean paced) {
    this.profile = profile;
    this.random = new SplittableRandom(seed);
    this.faults = faults.toArray(InjectedFault[]::new);
    this.startMillis = startMillis;
    this.periodSeconds = 1.0 / rateHz;
    this.limit = limit;
    this.paced = paced;
  }

  @Override
  public boolean next(MutableReading into) {
    if (index >= limit) {
      return false;
    }
    double t = index * periodSeconds;
    into.set(startMillis + Math.round(t * 1000), value(t));
    index++;
    return true;
  }

  @Override
  public boolean paced() {
    return paced;
  }

  /** Whether an injected fault is active at {@code seconds} after the start. */
  public boolean inFault(double seconds) {
    for (InjectedFault fault : faults) {
      if (seconds >= fault.atSeconds() && seconds < fault.atSeconds() + fault.durationSeconds()) {
        return true;
      }
    }
    return false;
  }

  private double value(double t) {
    double base =
        switch (profile) {
          case TEMPERATURE ->
              45 + 3 * Math.sin(2 * Math.PI * t / DAY_SECONDS) + 0.0001 * t + 0.15 * gaussian();
          case VIBRATION ->
              0.8 * Math.sin(2 * Math.PI * 25 * t)
                  + 0.25 * Math.sin(2 * Math.PI * 50 * t)
                  + 0.1 * gaussian();
          case POWER -> powerDraw();
        };
    for (InjectedFault fault : faults) {
      double since = t - fault.atSeconds();
      if (since >= 0 && since < fault.durationSeconds()) {
        base += faultEffect(fault, since);
      }
    }
    return base;
  }

  private double powerDraw() {
    if (random.nextDouble() < 0.0005) {
      load = 1.5 + random.nextDouble() * 2; // a machine switches load
    }
    return load + 0.05 * gaussian();
  }

  private double faultEffect(InjectedFault fault, double since) {
    return switch (fault.kind()) {
      case "spike" -> fault.magnitude();
      case "overheat" ->
          fault.magnitude() * Math.min(1, since / Math.max(1e-9, fault.durationSeconds() / 4));
      case "bearing-fault" -> {
        // Broadband bursts at an 87 Hz defect frequency, each decaying before the next: visible
        // at any sampling rate, unlike a single resonance tone that a slow sensor would alias.
        double phase = since * 87 % 1.0;
        yield fault.magnitude() * Math.exp(-phase * 4) * gaussian();
      }
      case "stuck" -> 0;
      default -> throw new IllegalArgumentException("unknown fault kind '" + fault.kind() + "'");
    };
  }

  private double gaussian() {
    // Box-Muller without caching the second value: simple and allocation-free.
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
