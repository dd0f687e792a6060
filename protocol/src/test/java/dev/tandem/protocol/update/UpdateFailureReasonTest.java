package dev.tandem.protocol.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.protocol.ProtocolErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UpdateFailureReasonTest {

  @Test
  void codesAreStableSnakeCase() {
    assertThat(UpdateFailureReason.SIGNATURES_BELOW_THRESHOLD.code())
        .isEqualTo("signatures_below_threshold");
    assertThat(Arrays.stream(UpdateFailureReason.values()).map(UpdateFailureReason::code))
        .allMatch(code -> code.matches("[a-z]+(_[a-z]+)*"));
  }

  @Test
  void reportTextRoundTripsWithAndWithoutDetail() {
    String text = UpdateFailureReason.HASH_MISMATCH.reportText("sha256 abc differs: x");
    assertThat(text).isEqualTo("hash_mismatch: sha256 abc differs: x");
    assertThat(UpdateFailureReason.ofReport(text)).contains(UpdateFailureReason.HASH_MISMATCH);
    assertThat(UpdateFailureReason.ofReport("unknown_key"))
        .contains(UpdateFailureReason.UNKNOWN_KEY);
    assertThat(UpdateFailureReason.ofReport("no_such_reason: x")).isEmpty();
  }

  @Test
  void everyProtocolErrorMapsToAReasonAndSecurityErrorsToTheirOwn() {
    Set<UpdateFailureReason> security =
        Set.of(
                ProtocolErrorCode.BAD_SIGNATURE,
                ProtocolErrorCode.THRESHOLD_NOT_MET,
                ProtocolErrorCode.UNKNOWN_KEY,
                ProtocolErrorCode.EXPIRED,
                ProtocolErrorCode.ROLLBACK,
                ProtocolErrorCode.ROOT_ROTATION_UNTRUSTED,
                ProtocolErrorCode.HASH_MISMATCH,
                ProtocolErrorCode.LENGTH_MISMATCH)
            .stream()
            .map(UpdateFailureReason::of)
            .collect(Collectors.toSet());
    assertThat(security).hasSize(8);
    for (ProtocolErrorCode code : ProtocolErrorCode.values()) {
      assertThat(UpdateFailureReason.of(code)).isNotNull();
    }
  }
}
