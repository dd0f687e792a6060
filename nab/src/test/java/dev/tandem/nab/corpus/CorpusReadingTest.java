package dev.tandem.nab.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReadingTest {
  @TempDir Path dir;

  private Path write(String relative, String text) throws Exception {
    Path file = Corpus.resolve(dir, relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }

  @Test
  void discoversEveryCsvAtAnyDepthAsSortedRelativePaths() throws Exception {
    write("realKnownCause/nyc_taxi.csv", "timestamp,value\n");
    write("artificialNoAnomaly/art_flatline.csv", "timestamp,value\n");
    write("deep/er/x.CSV", "timestamp,value\n");
    write("notes.txt", "not a series");

    assertThat(Corpus.discover(dir))
        .containsExactly(
            "artificialNoAnomaly/art_flatline.csv", "deep/er/x.CSV", "realKnownCause/nyc_taxi.csv");
  }

  @Test
  void discoverRefusesAMissingDirectory() {
    assertThatThrownBy(() -> Corpus.discover(dir.resolve("nope")))
        .isInstanceOf(CorpusException.class)
        .hasMessageEndingWith("nope is not a directory");
  }

  @Test
  void brokenLinesAreReportedByFileAndLineAndSkipped() throws Exception {
    Path file =
        write(
            "a/b.csv",
            """
            timestamp,value
            2014-04-01 00:00:00,1.5
            2014-04-01 00:05:00,2.5,extra
            2014-04-01 00:10:00
            yesterday,3
            2014-04-01 00:20:00,abc
            2014-04-01 00:25:00,NaN

            2014-04-01 00:30:00,-Infinity
            2014-04-01 00:35:00, 7
            """);
    List<ParseWarning> warnings = new ArrayList<>();

    Series series = NabCsv.readSeries(file, "a/b.csv", warnings::add);

    assertThat(series.size()).isEqualTo(2);
    assertThat(series.value(0)).isEqualTo(1.5);
    assertThat(series.value(1)).isEqualTo(7);
    assertThat(series.timestamp(1)).isEqualTo(NabTime.parse("2014-04-01 00:35:00"));
    assertThat(warnings).extracting(ParseWarning::line).containsExactly(3, 4, 5, 6, 7, 9);
    assertThat(warnings.stream().map(ParseWarning::toString))
        .containsExactly(
            "a/b.csv:3: expected 2 fields, found 3; line skipped",
            "a/b.csv:4: expected 2 fields, found 1; line skipped",
            "a/b.csv:5: 'yesterday' is not a timestamp like 2014-04-10 07:15:00; line skipped",
            "a/b.csv:6: value 'abc' is not a number; line skipped",
            "a/b.csv:7: value is NaN; line skipped",
            "a/b.csv:9: value is -Infinity; line skipped");
  }

  @Test
  void repeatedTimestampsAreKeptInFileOrderAsNabDoes() throws Exception {
    Path file =
        write(
            "r.csv",
            "timestamp,value\n2014-01-07 02:00:00,1\n2014-01-07 02:05:00,2\n2014-01-07 02:00:00,3\n");

    Series series = NabCsv.readSeries(file, "r.csv", w -> {});

    assertThat(series.size()).isEqualTo(3);
    assertThat(series.value(2)).isEqualTo(3);
  }

  @Test
  void fileWithoutTheNeededHeaderIsRefused() throws Exception {
    Path file = write("h.csv", "2014-04-01 00:00:00,1\n");

    assertThatThrownBy(() -> NabCsv.readSeries(file, "h.csv", w -> {}))
        .isInstanceOf(CorpusException.class)
        .hasMessage("h.csv:1: header '2014-04-01 00:00:00,1' lacks a column of: timestamp,value");
    Path empty = write("e.csv", "");
    assertThatThrownBy(() -> NabCsv.readSeries(empty, "e.csv", w -> {}))
        .hasMessageStartingWith("e.csv: empty file");
  }

  @Test
  void columnsAreFoundByHeaderNameSoResultFilesWithExtraColumnsRead() throws Exception {
    Path file =
        write(
            "res.csv",
            "timestamp,value,anomaly_score,label\n2014-04-01 00:00:00,5,0.25,0\n"
                + "2014-04-01 00:05:00,6,1.5,0\n");
    List<ParseWarning> warnings = new ArrayList<>();

    NabCsv.Columns columns =
        NabCsv.read(file, "res.csv", List.of("anomaly_score"), 0, 1, warnings::add);

    assertThat(columns.column(0)).containsExactly(0.25);
    assertThat(warnings.get(0).toString())
        .isEqualTo("res.csv:3: anomaly_score 1.5 is outside [0.0, 1.0]; line skipped");
  }

  @Test
  void timestampsParseWithOrWithoutFractionsAndFormatBack() {
    long t = NabTime.parse("2014-04-10 07:15:00.000000");
    assertThat(NabTime.parse("2014-04-10 07:15:00")).isEqualTo(t);
    assertThat(NabTime.parse("2014-04-10T07:15:00")).isEqualTo(t);
    assertThat(NabTime.format(t)).isEqualTo("2014-04-10 07:15:00");
    assertThat(NabTime.format(t + 250)).isEqualTo("2014-04-10 07:15:00.250");
    assertThat(NabTime.parse(NabTime.format(t + 250))).isEqualTo(t + 250);
  }

  @Test
  void windowsFileIsReadSortedAndValidated() throws Exception {
    Path file =
        write(
            "w.json",
            """
            {"b/x.csv": [["2014-04-10 07:15:00.000000", "2014-04-11 16:45:00.000000"],
                         ["2014-04-01 00:00:00.000000", "2014-04-02 00:00:00.000000"]],
             "a/none.csv": []}
            """);

    AnomalyWindows windows = AnomalyWindows.read(file);

    assertThat(windows.files()).containsExactly("a/none.csv", "b/x.csv");
    assertThat(windows.windows("a/none.csv")).contains(List.of());
    assertThat(windows.windows("b/x.csv").orElseThrow())
        .extracting(Window::startMillis)
        .containsExactly(
            NabTime.parse("2014-04-01 00:00:00"), NabTime.parse("2014-04-10 07:15:00"));
    assertThat(windows.windows("c.csv")).isEmpty();
  }

  @Test
  void malformedWindowsFilesAreRefusedWithTheReason() throws Exception {
    Path overlapping =
        write(
            "o.json",
            "{\"x.csv\": [[\"2014-04-01 00:00:00\", \"2014-04-03 00:00:00\"],"
                + " [\"2014-04-02 00:00:00\", \"2014-04-04 00:00:00\"]]}");
    Path backwards =
        write("b.json", "{\"x.csv\": [[\"2014-04-03 00:00:00\", \"2014-04-01 00:00:00\"]]}");
    Path notJson = write("n.json", "{\"x.csv\": [");
    Path notPairs = write("p.json", "{\"x.csv\": [[\"2014-04-03 00:00:00\"]]}");

    assertThatThrownBy(() -> AnomalyWindows.read(overlapping))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining(
            "x.csv: windows starting 2014-04-01 00:00:00 and 2014-04-02 00:00:00 overlap");
    assertThatThrownBy(() -> AnomalyWindows.read(backwards))
        .hasMessageContaining("window ends (2014-04-01 00:00:00) before it starts");
    assertThatThrownBy(() -> AnomalyWindows.read(notJson)).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> AnomalyWindows.read(notPairs))
        .hasMessageContaining("expected a window [start, end]");
  }
}
