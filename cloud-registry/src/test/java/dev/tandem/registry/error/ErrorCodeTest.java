package dev.tandem.registry.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void codesAreUniqueUpperSnakeCase() {
    var codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

    assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("[A-Z][A-Z_]*"));
  }

  @Test
  void statusesAreErrors() {
    assertThat(ErrorCode.values()).allMatch(code -> code.status() >= 400 && code.status() < 600);
  }

  @Test
  void forStatus_knownStatusGetsItsGenericCode() {
    assertThat(ErrorCode.forStatus(404)).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(ErrorCode.forStatus(415)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertThat(ErrorCode.forStatus(400)).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(ErrorCode.forStatus(503)).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
  }

  @Test
  void forStatus_givesEachCodesOwnStatusBack() {
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(ErrorCode.forStatus(code.status()).status()).isEqualTo(code.status());
    }
  }

  @Test
  void forStatus_unknownStatusFallsBackByClass() {
    assertThat(ErrorCode.forStatus(418)).isEqualTo(ErrorCode.BAD_REQUEST);
    assertThat(ErrorCode.forStatus(502)).isEqualTo(ErrorCode.INTERNAL_ERROR);
  }

  @Test
  void dependencyUnavailable_refusesACodeThatIsNotRetriable() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new DependencyUnavailableException(
                    ErrorCode.NOT_FOUND, "kafka", "down", new RuntimeException()));
  }
}
