package dev.tandem.ingest.app;

import io.minio.MinioClient;
import java.net.URI;
import java.util.Objects;

/** Where the lake's object store is (S3 or MinIO), spoken to through the MinIO SDK. */
public record ObjectStoreSettings(URI url, String accessKey, String secretKey, String region) {
  public ObjectStoreSettings {
    Objects.requireNonNull(url, "url");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be http:// or https://: " + url);
    }
    if (accessKey == null || accessKey.isBlank()) {
      throw new IllegalArgumentException("access-key is required");
    }
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("secret-key is required");
    }
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region must not be empty");
    }
  }

  MinioClient client() {
    return MinioClient.builder()
        .endpoint(url.toString())
        .region(region)
        .credentials(accessKey, secretKey)
        .build();
  }

  @Override
  public String toString() {
    return "ObjectStoreSettings[" + url + ", access key " + accessKey + "]";
  }
}
