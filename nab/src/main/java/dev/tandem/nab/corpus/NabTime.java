package dev.tandem.nab.corpus;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** NAB's timestamps: {@code YYYY-MM-DD HH:MM:SS[.ffffff]} in UTC, as epoch milliseconds. */
public final class NabTime {
  private static final DateTimeFormatter PARSER =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter();
  private static final DateTimeFormatter PRINTER =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private NabTime() {}

  /**
   * Parses a NAB timestamp.
   *
   * @throws IllegalArgumentException if the text is not a NAB timestamp
   */
  public static long parse(String text) {
    try {
      return LocalDateTime.parse(text.strip(), PARSER).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a timestamp like 2014-04-10 07:15:00");
    }
  }

  /**
   * Formats epoch milliseconds the way NAB's files write them ({@code 2014-04-10 07:15:00}), with
   * {@code .SSS} only when the milliseconds are not zero.
   */
  public static String format(long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000);
    int millis = (int) Math.floorMod(epochMillis, 1000);
    String text = PRINTER.format(LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
    return millis == 0 ? text : text + ".%03d".formatted(millis);
  }
}
