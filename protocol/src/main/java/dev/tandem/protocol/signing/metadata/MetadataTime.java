package dev.tandem.protocol.signing.metadata;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The TUF time format, {@code 2030-01-31T00:00:00Z}. */
final class MetadataTime {

  private MetadataTime() {}

  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }
}
