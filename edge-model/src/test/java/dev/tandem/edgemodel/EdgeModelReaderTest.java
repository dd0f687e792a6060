package dev.tandem.edgemodel;

import static dev.tandem.edgemodel.Models.f32;
import static dev.tandem.edgemodel.Models.le32;
import static dev.tandem.edgemodel.Models.patchBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a file can be wrong, refused with its own reason. Body offsets refer to {@link
 * Models#tiny()}: name 0-2, version 3-5, input size 6, output size 10, output kind 14, layer count
 * 16, metadata count 18, input mean 20, input std 28, output mean 36, output std 40, layer 0 at 44
 * (inputs 44, outputs 48, activation 52, encoding 53, weights 56, bias 72), layer 1 at 80.
 */
class EdgeModelReaderTest {
  private final EdgeModelReader reader = new EdgeModelReader();
  private final byte[] good = EdgeModelWriter.toBytes(Models.tiny());

  @Test
  void roundTrip_float32AndInt8AndMetadata() throws IOException {
    for (EdgeModel m :
        new EdgeModel[] {
          Models.tiny(),
          Models.random(1, OutputKind.RAW, 8, 16, 1),
          Models.random(2, OutputKind.SOFTMAX, 12, 24, 6, 3).quantized()
        }) {
      byte[] bytes = EdgeModelWriter.toBytes(m);
      EdgeModel back = reader.read(bytes);
      assertThat(back).isEqualTo(m);
      assertThat(back.metadata()).isEqualTo(m.metadata());
      assertThat(reader.read(new ByteArrayInputStream(bytes))).isEqualTo(m);
      assertThat(EdgeModelWriter.toBytes(back)).isEqualTo(bytes);
    }
  }

  @Test
  void roundTrip_throughAFile(@TempDir Path dir) throws IOException {
    EdgeModel m = Models.random(6, OutputKind.RAW, 4, 4, 1).quantized();
    Path file = dir.resolve("m" + EdgeModelFormat.FILE_SUFFIX);
    EdgeModelWriter.write(m, file);
    assertThat(reader.read(file)).isEqualTo(m);
  }

  @Test
  void goodFile_readsAsTheTinyModel() {
    assertThat(good).hasSize(16 + 104);
    assertThat(reader.read(good)).isEqualTo(Models.tiny());
  }

  @Test
  void badMagic() {
    byte[] b = good.clone();
    b[0] = 'X';
    refused(() -> reader.read(b), EdgeModelError.BAD_MAGIC);
    refused(() -> reader.read("PK\u0003\u0004 a zip".getBytes()), EdgeModelError.BAD_MAGIC);
  }

  @Test
  void unsupportedVersion() {
    byte[] b = good.clone();
    b[4] = 2;
    refused(() -> reader.read(b), EdgeModelError.UNSUPPORTED_VERSION);
  }

  @Test
  void reservedFlags() {
    byte[] b = good.clone();
    b[6] = 1;
    refused(() -> reader.read(b), EdgeModelError.INVALID_VALUE);
  }

  @Test
  void truncated_atEveryLength() {
    for (int n = 0; n < good.length; n++) {
      byte[] cut = Arrays.copyOf(good, n);
      refused(() -> reader.read(cut), EdgeModelError.TRUNCATED);
      refused(() -> reader.read(new ByteArrayInputStream(cut)), EdgeModelError.TRUNCATED);
    }
  }

  @Test
  void trailingData() {
    byte[] longer = Arrays.copyOf(good, good.length + 1);
    refused(() -> reader.read(longer), EdgeModelError.TRAILING_DATA);
    refused(() -> reader.read(new ByteArrayInputStream(longer)), EdgeModelError.TRAILING_DATA);
  }

  @Test
  void badChecksum_onAnyFlippedBodyBit() {
    for (int i = 16; i < good.length; i++) {
      byte[] b = good.clone();
      b[i] ^= 0x10;
      refused(() -> reader.read(b), EdgeModelError.BAD_CHECKSUM);
    }
  }

  @Test
  void sizesThatDoNotChain() {
    // 2 -> 2, then a layer taking 3: every length is consistent, only the chain is broken.
    RawFile f = RawFile.header("m", "1", 2, 1, 2);
    f.layer(2, 2).layer(3, 1);
    refused(() -> reader.read(f.bytes()), EdgeModelError.SHAPE_MISMATCH);
  }

  @Test
  void modelSizesDisagreeWithLayers() {
    RawFile wrongOutput = RawFile.header("m", "1", 2, 3, 2);
    wrongOutput.layer(2, 2).layer(2, 1);
    refused(() -> reader.read(wrongOutput.bytes()), EdgeModelError.SHAPE_MISMATCH);
    RawFile wrongInput = RawFile.header("m", "1", 4, 1, 1);
    wrongInput.layer(2, 1);
    refused(() -> reader.read(wrongInput.bytes()), EdgeModelError.SHAPE_MISMATCH);
  }

  @Test
  void rawFile_writesWhatTheWriterWrites() {
    RawFile f = RawFile.header("m", "1", 2, 1, 1);
    f.layer(2, 1);
    assertThat(reader.read(f.bytes()).layers()).hasSize(1);
  }

  @Test
  void nanWeight() {
    refused(() -> reader.read(patchBody(good, 60, f32(Float.NaN))), EdgeModelError.NON_FINITE);
    refused(
        () -> reader.read(patchBody(good, 72, f32(Float.POSITIVE_INFINITY))),
        EdgeModelError.NON_FINITE);
    refused(() -> reader.read(patchBody(good, 20, f32(Float.NaN))), EdgeModelError.NON_FINITE);
  }

  @Test
  void zeroStd() {
    refused(() -> reader.read(patchBody(good, 28, f32(0f))), EdgeModelError.INVALID_VALUE);
  }

  @Test
  void unknownActivationOrEncoding() {
    refused(() -> reader.read(patchBody(good, 52, (byte) 9)), EdgeModelError.INVALID_VALUE);
    refused(() -> reader.read(patchBody(good, 53, (byte) 7)), EdgeModelError.INVALID_VALUE);
    refused(() -> reader.read(patchBody(good, 14, (byte) 5)), EdgeModelError.INVALID_VALUE);
  }

  @Test
  void hugeLayerClaim_refusedWithoutAllocatingIt() {
    // 65,536 x 65,536 float weights would be 16 GiB: refused because the body is 104 bytes.
    byte[] b = patchBody(good, 44, le32(65536));
    byte[] c = patchBody(b, 48, le32(65536));
    refused(() -> reader.read(c), EdgeModelError.MALFORMED);
    refused(() -> reader.read(patchBody(good, 44, le32(-1))), EdgeModelError.TOO_LARGE);
  }

  @Test
  void hugeBodyLength_refusedBeforeReading() {
    byte[] b = good.clone();
    System.arraycopy(le32(-1), 0, b, 8, 4); // 4 GiB body
    refused(() -> reader.read(b), EdgeModelError.TOO_LARGE);
    // A stream that announces 30 MiB but ends early: refused as truncated, not buffered whole.
    byte[] lying = good.clone();
    System.arraycopy(le32(30 << 20), 0, lying, 8, 4);
    refused(() -> reader.read(new ByteArrayInputStream(lying)), EdgeModelError.TRUNCATED);
  }

  @Test
  void limits_areEnforced() {
    byte[] big = EdgeModelWriter.toBytes(Models.random(1, OutputKind.RAW, 64, 64, 1));
    EdgeModelReader small = new EdgeModelReader(new EdgeModelLimits(1024, 64, 1 << 16, 64, 8));
    refused(() -> small.read(big), EdgeModelError.TOO_LARGE);
    refused(() -> small.read(new ByteArrayInputStream(big)), EdgeModelError.TOO_LARGE);
    EdgeModelReader fewLayers = new EdgeModelReader(new EdgeModelLimits(1 << 20, 1, 16, 64, 8));
    refused(() -> fewLayers.read(good), EdgeModelError.TOO_LARGE);
    EdgeModelReader narrow = new EdgeModelReader(new EdgeModelLimits(1 << 20, 4, 1, 64, 8));
    refused(() -> narrow.read(good), EdgeModelError.TOO_LARGE);
  }

  @Test
  void zeroLayers() {
    refused(
        () -> reader.read(patchBody(good, 16, (byte) 0, (byte) 0)), EdgeModelError.SHAPE_MISMATCH);
  }

  @Test
  void invalidUtf8Name() {
    refused(() -> reader.read(patchBody(good, 2, (byte) 0xC3)), EdgeModelError.INVALID_VALUE);
  }

  @Test
  void duplicateMetadataKey() {
    EdgeModel m = Models.tiny().toBuilder().metadata("a", "1").metadata("b", "2").build();
    byte[] bytes = EdgeModelWriter.toBytes(m);
    // metadata starts at body offset 20: "a" (3 bytes) "1" (3 bytes) then "b": make it "a".
    assertThat(bytes[16 + 20 + 6 + 2]).isEqualTo((byte) 'b');
    refused(() -> reader.read(patchBody(bytes, 28, (byte) 'a')), EdgeModelError.INVALID_VALUE);
  }

  @Test
  void errorCodes_areStable() {
    assertThat(EdgeModelError.BAD_CHECKSUM.code()).isEqualTo("edge-model.bad-checksum");
    assertThat(EdgeModelError.NON_FINITE.code()).isEqualTo("edge-model.non-finite");
  }

  private interface Read {
    void run() throws IOException;
  }

  private static void refused(Read read, EdgeModelError expected) {
    assertThat(catchError(read)).isEqualTo(expected);
  }

  private static EdgeModelError catchError(Read read) {
    ThrowingCallable call = read::run;
    try {
      call.call();
    } catch (EdgeModelException e) {
      assertThat(e.getMessage()).startsWith(e.error().code() + ": ");
      return e.error();
    } catch (Throwable t) {
      throw new AssertionError("expected an EdgeModelException, got " + t, t);
    }
    throw new AssertionError("expected the file to be refused");
  }
}
