package dev.tandem.edge.detect;

/** What a {@link Detector} saw in the last reading. */
public enum DetectorSignal {
  /** No event. */
  QUIET,
  /** An event starts at this reading. */
  RAISED,
  /** An event that started earlier goes on. */
  ACTIVE,
  /** The event ended at this reading. */
  CLEARED;

  /** Whether an event is in progress after this reading. */
  public boolean inEvent() {
    return this == RAISED || this == ACTIVE;
  }
}
