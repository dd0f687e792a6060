package dev.tandem.ingest.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LakeLayoutTest {
  private final LakeLayout layout = new LakeLayout("lake/");

  @Test
  void dataFileNamesAreHivePartitionedAndParseBack() {
    Instant hour = LakeLayout.hourOf(Instant.parse("2026-11-23T21:59:59.999Z").toEpochMilli());
    String name = layout.dataFile("events", hour, 3, 1200, 1299);

    assertThat(name)
        .isEqualTo(
            "lake/events/date=2026-11-23/hour=21/"
                + "part-00003-0000000000000001200-0000000000000001299.parquet");
    LakeFile file = layout.parse(new StoredObject(name, 42)).orElseThrow();
    assertThat(file.dataset()).isEqualTo("events");
    assertThat(file.date()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(file.hour()).isEqualTo(21);
    assertThat(file.partition()).isEqualTo(3);
    assertThat(file.firstOffset()).isEqualTo(1200);
    assertThat(file.lastOffset()).isEqualTo(1299);
    assertThat(file.hourStart()).isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
  }

  @Test
  void otherObjectsAreNotDataFiles() {
    assertThat(layout.parse(new StoredObject(layout.checkpoint("events", 0), 1))).isEmpty();
    assertThat(layout.parse(new StoredObject("other/events/x.parquet", 1))).isEmpty();
    assertThat(layout.checkpoint("events", 7))
        .isEqualTo("lake/_checkpoints/events/partition-00007.json");
    assertThat(layout.pending("events", 7))
        .isEqualTo("lake/_checkpoints/events/partition-00007.pending.json");
    assertThat(layout.manifest("events", "abc")).isEqualTo("lake/_manifests/events/abc.json");
  }

  @Test
  void prefixMustEndWithASlash() {
    assertThatThrownBy(() -> new LakeLayout("lake")).hasMessageContaining("end with '/'");
    assertThat(new LakeLayout("").datasetPrefix("samples")).isEqualTo("samples/");
  }
}
