package dev.tandem.servers;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach an S3-compatible object store. Clients always speak to it through the MinIO SDK.
 *
 * @param url the service URL, {@code http(s)://host:port}
 * @param accessKey access key id
 * @param secretKey secret access key
 * @param region signing region
 */
public record S3Endpoint(URI url, String accessKey, String secretKey, String region) {
  public S3Endpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(region, "region");
    if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
        || url.getHost() == null) {
      throw new IllegalArgumentException(
          "s3 url must be http(s)://host[:port], got '%s'".formatted(url));
    }
    if (accessKey.isBlank() || secretKey.isBlank()) {
      throw new IllegalArgumentException("s3 access key and secret key must not be blank");
    }
  }

  @Override
  public String toString() {
    return "S3Endpoint[url=%s, accessKey=%s, region=%s]".formatted(url, accessKey, region);
  }
}
