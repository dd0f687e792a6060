package dev.tandem.edge.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Replays a CSV of {@code timestamp,value} rows (NAB's layout: a header, then {@code YYYY-MM-DD
 * HH:MM:SS} timestamps in UTC, or epoch milliseconds) at real or accelerated speed. A broken line
 * is reported with its file and line number and skipped; the stream goes on.
 */
public final class CsvReplay implements ReadingSource {
  private static final DateTimeFormatter NAB_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Path file;
  private final BufferedReader reader;
  private final double speed;
  private final Consumer<String> warnings;
  private int line;
  private long skipped;
  private long firstEventMillis = Long.MIN_VALUE;
  private long firstWallNanos;

  /**
   * @param speed 1 for real time, 60 for a minute of data per second, 0 for as fast as possible
   * @param warnings receives one line per broken row
   */
  public CsvReplay(Path file, double speed, Consumer<String> warnings) {
    this.file = file;
    this.speed = speed;
    this.warnings = warnings;
    try {
      this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean next(MutableReading into) throws InterruptedException {
    String text;
    try {
      while ((text = reader.readLine()) != null) {
        line++;
        if (parse(text, into)) {
          pace(into.timestampMillis);
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
    }
  }

  /** Rows skipped as broken so far. */
  public long skippedLines() {
    return skipped;
  }

  private boolean parse(String text, MutableReading into) {
    String row = text.strip();
    if (row.isEmpty()
        || (line == 1 && row.toLowerCase(java.util.Locale.ROOT).startsWith("timestamp"))) {
      return false;
    }
    int comma = row.indexOf(',');
    if (comma < 0 || row.indexOf(',', comma + 1) >= 0) {
      return skip("expected 2 fields 'timestamp,value'");
    }
    long time;
    try {
      time = parseTime(row.substring(0, comma).strip());
    } catch (DateTimeParseException | NumberFormatException e) {
      return skip("bad timestamp '" + row.substring(0, comma).strip() + "'");
    }
    double value;
    try {
      value = Double.parseDouble(row.substring(comma + 1).strip());
    } catch (NumberFormatException e) {
      return skip("bad value '" + row.substring(comma + 1).strip() + "'");
    }
    into.set(time, value); // NaN or out-of-range values are the pipeline's to refuse and count
    return true;
  }

  private static long parseTime(String text) {
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      return Long.parseLong(text);
    }
    return LocalDateTime.parse(text, NAB_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private boolean skip(String reason) {
    skipped++;
    warnings.accept("%s:%d: %s; line skipped".formatted(file, line, reason));
    return false;
  }

  private void pace(long eventMillis) throws InterruptedException {
    if (speed <= 0) {
      return;
    }
    if (firstEventMillis == Long.MIN_VALUE) {
      firstEventMillis = eventMillis;
      firstWallNanos = System.nanoTime();
      return;
    }
    long dueNanos = firstWallNanos + (long) ((eventMillis - firstEventMillis) * 1_000_000 / speed);
    long waitNanos = dueNanos - System.nanoTime();
    if (waitNanos > 0) {
      Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // Nothing left to read either way.
    }
  }
}
