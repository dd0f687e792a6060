package dev.tandem.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VerifyingInputStreamTest {
  /** SHA-256 of "abc" (FIPS 180-2 test vector). */
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void hashesAndCountsWhatIsRead() throws Exception {
    var in = new VerifyingInputStream(new ByteArrayInputStream(bytes("abc")), 3);

    in.drain();

    assertThat(in.count()).isEqualTo(3);
    assertThat(in.ended()).isTrue();
    assertThat(in.exceeded()).isFalse();
    assertThat(in.sha256()).isEqualTo(ABC);
  }

  @Test
  void oneByteMoreThanTheLimitThrowsAndIsNotPassedOn() {
    var in = new VerifyingInputStream(new ByteArrayInputStream(bytes("abcd")), 3);
    byte[] buffer = new byte[10];

    assertThatThrownBy(() -> in.read(buffer, 0, 10))
        .isInstanceOf(VerifyingInputStream.LimitExceededException.class);
    assertThat(in.exceeded()).isTrue();
  }

  @Test
  void shortStreamEndsBelowTheLimit() throws Exception {
    var in = new VerifyingInputStream(new ByteArrayInputStream(bytes("ab")), 3);

    in.drain();

    assertThat(in.ended()).isTrue();
    assertThat(in.count()).isEqualTo(2);
  }

  @Test
  void singleByteReadsAreHashedToo() throws Exception {
    var in = new VerifyingInputStream(new ByteArrayInputStream(bytes("abc")), 3);
    while (in.read() >= 0) {
      // read one at a time
    }
    assertThat(in.sha256()).isEqualTo(ABC);
  }

  @Test
  void skippingIsRefusedSoNoByteGoesUnhashed() {
    var in = new VerifyingInputStream(new ByteArrayInputStream(bytes("abc")), 3);
    assertThatThrownBy(() -> in.skip(1)).isInstanceOf(java.io.IOException.class);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
