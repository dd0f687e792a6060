package dev.tandem.registry.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenSecretsTest {

  @Test
  void generatedTokensHaveThePrefixAnd256BitsAndDiffer() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String token = TokenSecrets.generate();
      assertThat(token).startsWith("tdm_").hasSize(4 + 43);
      assertThat(TokenSecrets.looksLikeToken(token)).isTrue();
      seen.add(token);
    }
    assertThat(seen).hasSize(100);
  }

  @Test
  void deviceTokensAndShortTokensAreNotApiTokens() {
    assertThat(TokenSecrets.looksLikeToken("tdd_" + "a".repeat(43))).isFalse();
    assertThat(TokenSecrets.looksLikeToken("tdm_short")).isFalse();
    assertThat(TokenSecrets.looksLikeToken("tdm_" + "a".repeat(40) + "!")).isFalse();
  }

  @Test
  void bootstrapTokenMatchesWhenGivenAsTokenOrAsItsHash() {
    String token = TokenSecrets.generate();
    var plain = new BootstrapToken(Optional.of(token), "bootstrap");
    var hashed = new BootstrapToken(Optional.of("sha256:" + TokenSecrets.hashHex(token)), "b");

    assertThat(plain.matches(token)).isTrue();
    assertThat(hashed.matches(token)).isTrue();
    assertThat(hashed.matches(TokenSecrets.generate())).isFalse();
    assertThat(new BootstrapToken(Optional.empty(), "b").matches(token)).isFalse();
  }
}
