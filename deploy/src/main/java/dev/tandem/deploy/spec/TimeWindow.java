package dev.tandem.deploy.spec;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a rollout may send updates, in UTC: hours {@code [startHour, endHour)} on the given days. A
 * window may wrap midnight ({@code 22} to {@code 4}); its day is the day it starts. Outside the
 * window nothing new is sent and no wave advances; updates in flight go on.
 *
 * @param startHour 0 to 23
 * @param endHour 1 to 24, not equal to {@code startHour}
 * @param days the days a window starts on; every day when empty
 */
public record TimeWindow(int startHour, int endHour, Set<DayOfWeek> days) {

  public TimeWindow {
    SpecException.require(
        startHour >= 0 && startHour <= 23, "strategy.window.startHour", "must be 0 to 23");
    SpecException.require(
        endHour >= 1 && endHour <= 24, "strategy.window.endHour", "must be 1 to 24");
    SpecException.require(
        startHour != endHour, "strategy.window.endHour", "must differ from startHour");
    days = days == null || days.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(days);
    days = Set.copyOf(days);
  }

  /** Whether updates may be sent at {@code instant}. */
  public boolean allows(Instant instant) {
    ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
    int hour = t.getHour();
    if (startHour < endHour) {
      return hour >= startHour && hour < endHour && days.contains(t.getDayOfWeek());
    }
    // Wraps midnight: the late part belongs to today's window, the early part to yesterday's.
    if (hour >= startHour) {
      return days.contains(t.getDayOfWeek());
    }
    return hour < endHour && days.contains(t.getDayOfWeek().minus(1));
  }
}
