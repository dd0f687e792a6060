package dev.tandem.registry.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ReasonsTest {

  @Test
  void wrappersArePeeledToTheCause() {
    var failure =
        new ExecutionException(
            new CompletionException(new ConnectException("Failed to connect to /127.0.0.1:1")));

    assertThat(Reasons.describe(failure))
        .isEqualTo("cannot connect: Failed to connect to /127.0.0.1:1");
  }

  @Test
  void unknownHostNamesTheHost() {
    assertThat(Reasons.describe(new UnknownHostException("s3.invalid")))
        .isEqualTo("unknown host s3.invalid");
  }

  @Test
  void onlyTheFirstLineOfAMessageIsKept() {
    assertThat(Reasons.describe(new IllegalStateException("broken\n\tat somewhere")))
        .isEqualTo("broken");
  }

  @Test
  void exceptionWithoutMessageStillGetsAReason() {
    assertThat(Reasons.describe(new IllegalStateException())).isEqualTo("failed without a message");
  }

  @Test
  void messageOfOwnIsKeptOverItsCause() {
    var failure = new IllegalStateException("no answer", new RuntimeException("deeper"));

    assertThat(Reasons.describe(failure)).isEqualTo("no answer");
  }
}
