package dev.tandem.edge.source;

/**
 * Parses the text readings local devices send: {@code value} (timestamped on arrival) or {@code
 * timestamp,value} with epoch milliseconds.
 */
final class LineParser {
  private LineParser() {}

  /**
   * @return false (and leaves {@code into} alone) if the text is not a reading
   */
  static boolean parse(String text, long arrivalMillis, MutableReading into) {
    String line = text.strip();
    if (line.isEmpty()) {
      return false;
    }
    try {
      int comma = line.indexOf(',');
      if (comma < 0) {
        into.set(arrivalMillis, Double.parseDouble(line));
      } else {
        into.set(
            Long.parseLong(line.substring(0, comma).strip()),
            Double.parseDouble(line.substring(comma + 1).strip()));
      }
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
