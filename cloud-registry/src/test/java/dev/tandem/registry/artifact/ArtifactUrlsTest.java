package dev.tandem.registry.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.minio.MinioClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Signing is local: no store is needed to check what a presigned URL names. */
class ArtifactUrlsTest {
  private static final String SHA = "ab".repeat(32);

  private static ArtifactUrls urls(String endpoint) {
    MinioClient signer =
        MinioClient.builder()
            .endpoint(endpoint)
            .region("us-east-1")
            .credentials("access", "secret")
            .build();
    return new ArtifactUrls(
        signer,
        "tandem-models",
        null,
        new ArtifactLimits(1024, 5L << 20, Duration.ofMinutes(15)),
        java.time.Clock.systemUTC());
  }

  @Test
  void urlNamesThePublicHostTheContentAddressAndTheTtl() {
    PresignedUrl url = urls("https://models.example.com:9443").sign(SHA, 42, Duration.ofMinutes(5));

    assertThat(url.url().toString())
        .startsWith("https://models.example.com:9443/tandem-models/artifacts/sha256/" + SHA + "?")
        .contains("X-Amz-Expires=300")
        .contains("X-Amz-Signature=")
        .doesNotContain("secret");
    assertThat(url.length()).isEqualTo(42);
    assertThat(url.sha256()).isEqualTo(SHA);
  }

  @Test
  void ttlOutsideOneSecondToSevenDaysIsRefused() {
    var urls = urls("http://127.0.0.1:9000");
    assertThatIllegalArgumentException().isThrownBy(() -> urls.presign(SHA, Duration.ofDays(8)));
    assertThatIllegalArgumentException().isThrownBy(() -> urls.presign(SHA, Duration.ZERO));
  }

  @Test
  void limitsOutOfRangeAreRefusedNamingTheKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ArtifactLimits(6L << 30, 5L << 20, Duration.ofMinutes(1)))
        .withMessageContaining("tandem.registry.max-artifact-size");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ArtifactLimits(1024, 1L << 20, Duration.ofMinutes(1)))
        .withMessageContaining("tandem.registry.upload-part-size");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ArtifactLimits(1024, 5L << 20, Duration.ofDays(8)))
        .withMessageContaining("tandem.registry.download-url-ttl");
  }
}
