package dev.tandem.nab.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads NAB CSVs: a header naming the columns, then one row per line with a {@code timestamp}
 * column and numeric columns. Columns are found by header name, so result files with extra columns
 * read too. A broken line (wrong field count, bad timestamp or number, NaN or infinity) is reported
 * with its line number and skipped; the rest is read. Rows stay in file order: NAB's own series
 * repeat a few timestamps (clock changes), and its scoring counts rows, so they are kept.
 */
public final class NabCsv {
  private NabCsv() {}

  /** Reads a data series: columns {@code timestamp} and {@code value}. */
  public static Series readSeries(Path file, String name, Consumer<ParseWarning> warnings) {
    Columns columns =
        read(file, name, List.of("value"), -Double.MAX_VALUE, Double.MAX_VALUE, warnings);
    return new Series(name, columns.timestamps(), columns.column(0));
  }

  /**
   * Reads the {@code timestamp} column and the named numeric columns; a row with a number outside
   * [{@code min}, {@code max}] is reported and skipped.
   *
   * @param name how warnings and errors name the file, e.g. its relative path
   * @throws CorpusException if the file cannot be read or its header lacks a needed column
   */
  public static Columns read(
      Path file,
      String name,
      List<String> numericColumns,
      double min,
      double max,
      Consumer<ParseWarning> warnings) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new Parser(reader, name, numericColumns, min, max, warnings).parse();
    } catch (IOException e) {
      throw new CorpusException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  /** The parsed rows: timestamps and the requested numeric columns, in request order. */
  public static final class Columns {
    private final long[] timestamps;
    private final double[][] columns;

    Columns(long[] timestamps, double[][] columns) {
      this.timestamps = timestamps;
      this.columns = columns;
    }

    public int size() {
      return timestamps.length;
    }

    public long[] timestamps() {
      return timestamps.clone();
    }

    public double[] column(int index) {
      return columns[index].clone();
    }
  }

  private static final class Parser {
    private final BufferedReader reader;
    private final String name;
    private final List<String> wanted;
    private final double min;
    private final double max;
    private final Consumer<ParseWarning> warnings;
    private long[] times = new long[1024];
    private double[][] numbers;
    private int rows;
    private int lineNumber;

    Parser(
        BufferedReader reader,
        String name,
        List<String> wanted,
        double min,
        double max,
        Consumer<ParseWarning> warnings) {
      this.reader = reader;
      this.name = name;
      this.wanted = wanted;
      this.min = min;
      this.max = max;
      this.warnings = warnings;
      this.numbers = new double[wanted.size()][1024];
    }

    Columns parse() throws IOException {
      String header = nextLine();
      if (header == null) {
        throw new CorpusException(name + ": empty file, expected a header like timestamp,value");
      }
      String[] names = header.split(",", -1);
      int timeIndex = indexOf(names, "timestamp");
      int[] indexes = new int[wanted.size()];
      for (int c = 0; c < indexes.length; c++) {
        indexes[c] = indexOf(names, wanted.get(c));
      }
      if (timeIndex < 0 || Arrays.stream(indexes).anyMatch(i -> i < 0)) {
        throw new CorpusException(
            "%s:%d: header '%s' lacks a column of: timestamp,%s"
                .formatted(name, lineNumber, header.strip(), String.join(",", wanted)));
      }
      String line;
      while ((line = nextLine()) != null) {
        String[] fields = line.split(",", -1);
        if (fields.length != names.length) {
          warn("expected %d fields, found %d".formatted(names.length, fields.length));
          continue;
        }
        long time;
        try {
          time = NabTime.parse(fields[timeIndex]);
        } catch (IllegalArgumentException e) {
          warn(e.getMessage());
          continue;
        }
        if (!parseNumbers(fields, indexes)) {
          continue;
        }
        times[rows++] = time;
      }
      double[][] columns = new double[numbers.length][];
      for (int c = 0; c < columns.length; c++) {
        columns[c] = Arrays.copyOf(numbers[c], rows);
      }
      return new Columns(Arrays.copyOf(times, rows), columns);
    }

    /** Parses the numeric fields into the slot of the next row; false (and a warning) if broken. */
    private boolean parseNumbers(String[] fields, int[] indexes) {
      if (rows == times.length) {
        grow();
      }
      for (int c = 0; c < indexes.length; c++) {
        String text = fields[indexes[c]].strip();
        double number;
        try {
          number = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          warn("%s '%s' is not a number".formatted(wanted.get(c), text));
          return false;
        }
        if (!Double.isFinite(number)) {
          warn("%s is %s".formatted(wanted.get(c), text));
          return false;
        }
        if (number < min || number > max) {
          warn("%s %s is outside [%s, %s]".formatted(wanted.get(c), text, min, max));
          return false;
        }
        numbers[c][rows] = number;
      }
      return true;
    }

    private void grow() {
      if (rows < times.length) {
        return;
      }
      int capacity = times.length * 2;
      times = Arrays.copyOf(times, capacity);
      for (int c = 0; c < numbers.length; c++) {
        numbers[c] = Arrays.copyOf(numbers[c], capacity);
      }
    }

    /** The next non-blank line, or null at the end. */
    private String nextLine() throws IOException {
      String line;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (!line.isBlank()) {
          return line;
        }
      }
      return null;
    }

    private void warn(String reason) {
      warnings.accept(new ParseWarning(name, lineNumber, reason));
    }

    private static int indexOf(String[] names, String column) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].strip().toLowerCase(Locale.ROOT).equals(column)) {
          return i;
        }
      }
      return -1;
    }
  }
}
