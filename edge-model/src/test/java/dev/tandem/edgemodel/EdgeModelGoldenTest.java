package dev.tandem.edgemodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Pins the format: these bytes are decoded field by field in docs/edge-model-format.md. If this
 * test fails, the format changed: keep old files readable or bump {@link EdgeModelFormat#VERSION}.
 */
class EdgeModelGoldenTest {
  static final String GOLDEN =
      "5445444701000000720000004a49808101006d010031020000000100000000000200010004007461736b0800"
          + "666f7265636173740000803f000000400000004000008040000020410000003f02000000020000000101"
          + "00000402013c0402813c7f81207f0000803e000080bf0200000001000000000100000683c13c55810000"
          + "803f";

  static EdgeModel golden() {
    return Models.tiny().quantized().toBuilder().metadata("task", "forecast").build();
  }

  @Test
  void writer_producesTheGoldenBytes() {
    assertThat(HexFormat.of().formatHex(EdgeModelWriter.toBytes(golden()))).isEqualTo(GOLDEN);
  }

  @Test
  void reader_decodesTheGoldenBytes() {
    EdgeModel m = new EdgeModelReader().read(HexFormat.of().parseHex(GOLDEN));
    assertThat(m).isEqualTo(golden());
    assertThat(m.name()).isEqualTo("m");
    assertThat(m.metadata()).containsEntry("task", "forecast");
    Int8Weights first = (Int8Weights) m.layers().get(0).weights();
    assertThat(first.values()).containsExactly((byte) 127, (byte) -127, (byte) 32, (byte) 127);
    assertThat(first.scales()).containsExactly(1f / 127f, 2f / 127f);
  }

  @Test
  void forward_ofTheGoldenModel() {
    float[] out = new float[1];
    new EdgeModelReader().read(HexFormat.of().parseHex(GOLDEN)).forward(new float[] {3f, 6f}, out);
    // hidden: 0.25 and (32 + 127) * 2/127 - 1; out: (85 * 0.25 - 127 * h1) * 3/127 + 1,
    // de-normalised
    assertThat(out[0]).isCloseTo(8.495079f, within(1e-5f));
  }
}
