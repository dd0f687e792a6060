package dev.tandem.registry.storage;

import dev.tandem.registry.config.TandemConfig;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import okhttp3.OkHttpClient;

/**
 * Produces the MinIO SDK clients for the configured object store. Both share one HTTP client (its
 * connection pool and threads), which is shut down with the application.
 */
@Singleton
public class MinioClients {
  /** How long to wait for a TCP connection to the object store. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /** How long a transfer may stall; generous, as artifacts can be large. */
  static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(2);

  private final TandemConfig.S3 config;
  private final OkHttpClient http;

  MinioClients(TandemConfig config) {
    this.config = config.s3();
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(TRANSFER_TIMEOUT)
            .writeTimeout(TRANSFER_TIMEOUT)
            .build();
  }

  /** A blocking client, for code that runs on worker threads. */
  @Produces
  @Singleton
  MinioClient minioClient() {
    return MinioClient.builder()
        .endpoint(config.url())
        .region(config.region())
        .credentials(config.accessKey(), config.secretKey())
        .httpClient(http, false)
        .build();
  }

  /** A non-blocking client, for calls with a deadline. */
  @Produces
  @Singleton
  MinioAsyncClient minioAsyncClient() {
    return MinioAsyncClient.builder()
        .endpoint(config.url())
        .region(config.region())
        .credentials(config.accessKey(), config.secretKey())
        .httpClient(http, false)
        .build();
  }

  @PreDestroy
  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
