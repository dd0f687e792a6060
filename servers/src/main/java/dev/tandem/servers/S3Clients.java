package dev.tandem.servers;

import io.minio.MinioClient;

/** Builds the MinIO SDK client, the only way Tandem talks to an object store. */
public final class S3Clients {
  private S3Clients() {}

  public static MinioClient minio(S3Endpoint endpoint) {
    return MinioClient.builder()
        .endpoint(endpoint.url().toString())
        .region(endpoint.region())
        .credentials(endpoint.accessKey(), endpoint.secretKey())
        .build();
  }
}
