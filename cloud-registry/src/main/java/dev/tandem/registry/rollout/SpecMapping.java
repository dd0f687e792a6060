package dev.tandem.registry.rollout;

import dev.tandem.deploy.spec.HealthGateSpec;
import dev.tandem.deploy.spec.OnFailure;
import dev.tandem.deploy.spec.RetryPolicy;
import dev.tandem.deploy.spec.RolloutSpec;
import dev.tandem.deploy.spec.SpecException;
import dev.tandem.deploy.spec.Strategy;
import dev.tandem.deploy.spec.TimeWindow;
import dev.tandem.deploy.spec.WavePlan;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Between the API's {@link RolloutRequest} and the engine's {@link RolloutSpec}, both ways. Every
 * bad value is a {@link SpecException} naming its field.
 */
final class SpecMapping {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private SpecMapping() {}

  /** The spec of {@code request}, with the variants already resolved per hardware class. */
  static RolloutSpec toSpec(RolloutRequest request, Map<String, String> variants) {
    return new RolloutSpec(
        request.model(),
        request.version(),
        variants,
        request.selector(),
        strategy(request.strategy()));
  }

  static Strategy strategy(RolloutRequest.StrategyRequest s) {
    Strategy d = Strategy.defaults(WavePlan.allAtOnce());
    if (s == null) {
      return d;
    }
    return new Strategy(
        waves(s.waves()),
        or(s.successThreshold(), d.successThreshold()),
        or(s.failureThreshold(), d.failureThreshold()),
        duration(s.bakeTime(), d.bakeTime(), "strategy.bakeTime"),
        or(s.maxConcurrent(), d.maxConcurrent()),
        window(s.window()),
        onFailure(s.onFailure(), d.onFailure()),
        duration(s.deviceDeadline(), d.deviceDeadline(), "strategy.deviceDeadline"),
        retry(s.retry(), d.retry()),
        gate(s.gate(), d.gate()));
  }

  private static WavePlan waves(RolloutRequest.WavesRequest w) {
    if (w == null) {
      return WavePlan.allAtOnce();
    }
    if ((w.percent() == null) == (w.counts() == null)) {
      throw new SpecException("strategy.waves", "give either percent or counts");
    }
    return w.percent() != null
        ? new WavePlan(WavePlan.Kind.PERCENT, w.percent())
        : new WavePlan(WavePlan.Kind.COUNT, w.counts());
  }

  private static Optional<TimeWindow> window(RolloutRequest.WindowRequest w) {
    if (w == null) {
      return Optional.empty();
    }
    if (w.startHour() == null || w.endHour() == null) {
      throw new SpecException("strategy.window", "needs startHour and endHour");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String day : w.days() == null ? List.<String>of() : w.days()) {
      try {
        days.add(DayOfWeek.valueOf(String.valueOf(day).toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new SpecException("strategy.window.days", "'" + day + "' is not a day, e.g. MONDAY");
      }
    }
    return Optional.of(new TimeWindow(w.startHour(), w.endHour(), days));
  }

  private static OnFailure onFailure(String value, OnFailure fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return OnFailure.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new SpecException("strategy.onFailure", "must be PAUSE, ROLLBACK or FAIL");
    }
  }

  private static RetryPolicy retry(RolloutRequest.RetryRequest r, RetryPolicy d) {
    if (r == null) {
      return d;
    }
    return new RetryPolicy(
        or(r.maxRetries(), d.maxRetries()),
        duration(r.initialBackoff(), d.initialBackoff(), "strategy.retry.initialBackoff"),
        duration(r.maxBackoff(), d.maxBackoff(), "strategy.retry.maxBackoff"));
  }

  private static HealthGateSpec gate(RolloutRequest.GateRequest g, HealthGateSpec d) {
    if (g == null) {
      return d;
    }
    return new HealthGateSpec(
        or(g.maxLatencyIncrease(), d.maxLatencyIncrease()),
        or(g.maxErrorRateIncrease(), d.maxErrorRateIncrease()),
        or(g.maxAnomalyRateChange(), d.maxAnomalyRateChange()),
        or(g.minInferences(), d.minInferences()),
        or(g.requireHealthData(), d.requireHealthData()));
  }

  /** {@code 30s}, {@code 5m}, ... or ISO-8601. */
  static Duration duration(String text, Duration fallback, String field) {
    if (text == null) {
      return fallback;
    }
    Matcher m = SHORT_DURATION.matcher(text.strip());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new SpecException(field, "'" + text + "' is not a duration, e.g. 30s, 5m or PT5M");
    }
  }

  /** The request that gives {@code spec}, every field filled: what the API shows and stores. */
  static RolloutRequest toRequest(RolloutSpec spec) {
    Strategy s = spec.strategy();
    WavePlan w = s.waves();
    List<String> days = new ArrayList<>();
    s.window().ifPresent(win -> win.days().stream().sorted().forEach(d -> days.add(d.name())));
    return new RolloutRequest(
        spec.model(),
        spec.version(),
        spec.variants(),
        spec.selector(),
        new RolloutRequest.StrategyRequest(
            new RolloutRequest.WavesRequest(
                w.kind() == WavePlan.Kind.PERCENT ? w.steps() : null,
                w.kind() == WavePlan.Kind.COUNT ? w.steps() : null),
            s.successThreshold(),
            s.failureThreshold(),
            s.bakeTime().toString(),
            s.maxConcurrent(),
            s.window()
                .map(win -> new RolloutRequest.WindowRequest(win.startHour(), win.endHour(), days))
                .orElse(null),
            s.onFailure().name(),
            s.deviceDeadline().toString(),
            new RolloutRequest.RetryRequest(
                s.retry().maxRetries(),
                s.retry().initialBackoff().toString(),
                s.retry().maxBackoff().toString()),
            new RolloutRequest.GateRequest(
                s.gate().maxLatencyIncrease(),
                s.gate().maxErrorRateIncrease(),
                s.gate().maxAnomalyRateChange(),
                s.gate().minInferences(),
                s.gate().requireHealthData())));
  }

  private static <T> T or(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
