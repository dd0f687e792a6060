package dev.tandem.nab.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * A detector's NAB result over a corpus: one entry per profile.
 *
 * @param files series scored
 * @param rows rows in them, probationary rows included
 * @param windows windows that count
 */
public record ScoreReport(int files, long rows, int windows, List<ProfileScore> profiles) {
  public ScoreReport {
    profiles = List.copyOf(profiles);
  }

  /** The report as indented JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A short table: one line per profile. */
  public String toTable() {
    var table = new StringBuilder();
    table.append(
        "%-20s %7s %10s %4s %5s %4s%n"
            .formatted("profile", "score", "threshold", "TP", "FP", "FN"));
    for (ProfileScore p : profiles) {
      table.append(
          String.format(
              Locale.ROOT,
              "%-20s %7s %10.6f %4d %5d %4d%n",
              p.profile(),
              p.score() == null ? "n/a" : String.format(Locale.ROOT, "%.1f", p.score()),
              p.threshold(),
              p.tp(),
              p.fp(),
              p.fn()));
    }
    table.append("%d series, %d rows, %d windows%n".formatted(files, rows, windows));
    return table.toString();
  }
}
