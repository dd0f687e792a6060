package dev.tandem.ingest.lake.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ParquetTablesTest {
  private static final TableSchema SCHEMA =
      new TableSchema(
          "t",
          List.of(
              new Column("name", ColumnType.STRING),
              new Column("small", ColumnType.INT32),
              new Column("big", ColumnType.INT64),
              new Column("x", ColumnType.DOUBLE),
              new Column("seen_at", ColumnType.TIMESTAMP_MILLIS),
              new Column("readings", ColumnType.READINGS)));

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"UNCOMPRESSED", "SNAPPY", "ZSTD"})
  void rowsRoundTrip(CompressionCodecName codec) {
    List<Object[]> rows = rows(2000);

    byte[] file = ParquetTables.write(SCHEMA, rows, codec, Map.of("k", "v"));

    List<Object[]> back = ParquetTables.read(SCHEMA, file);
    assertThat(back).hasSize(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertThat(back.get(i)).containsExactly(rows.get(i));
    }
    assertThat(ParquetTables.footerMetadata(file)).containsEntry("k", "v");
  }

  @Test
  void duckDbReadsTheFileWithTypedColumns() throws Exception {
    Path path = temp.resolve("t.parquet");
    Files.write(path, ParquetTables.write(SCHEMA, rows(3), CompressionCodecName.ZSTD, Map.of()));

    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select name, small, big, x, seen_at, len(readings), readings[1].value,"
                    + " typeof(seen_at), typeof(readings) from read_parquet('"
                    + path
                    + "') order by big")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("row-0");
      assertThat(rs.getInt(2)).isEqualTo(0);
      assertThat(rs.getLong(3)).isEqualTo(1L << 40);
      assertThat(rs.getDouble(4)).isEqualTo(0.5);
      assertThat(rs.getObject(5, OffsetDateTime.class))
          .isEqualTo(OffsetDateTime.of(2026, 11, 23, 21, 0, 0, 0, ZoneOffset.UTC));
      assertThat(rs.getInt(6)).isEqualTo(0);
      assertThat(rs.getString(8)).isEqualTo("TIMESTAMP WITH TIME ZONE");
      assertThat(rs.getString(9))
          .isEqualTo("STRUCT(\"timestamp\" TIMESTAMP WITH TIME ZONE, \"value\" DOUBLE)[]");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(6)).isEqualTo(1);
      assertThat(rs.getDouble(7)).isEqualTo(10.0);
    }
  }

  @Test
  void unsupportedCodecIsRefusedByName() {
    assertThatThrownBy(
            () -> ParquetTables.write(SCHEMA, rows(1), CompressionCodecName.GZIP, Map.of()))
        .hasMessageContaining("GZIP");
  }

  private static List<Object[]> rows(int n) {
    long base =
        OffsetDateTime.of(2026, 11, 23, 21, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<TimedValue> readings = new ArrayList<>();
      for (int k = 0; k < i % 5; k++) {
        readings.add(new TimedValue(base + k, 10.0 * (k + 1)));
      }
      rows.add(
          new Object[] {
            "row-" + i, i, (1L << 40) + i, i + 0.5, base + i * 1000L, List.copyOf(readings)
          });
    }
    return rows;
  }
}
