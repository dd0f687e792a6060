package dev.tandem.servers.probe;

import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.ServerKind;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/** Puts an object, reads it back with credentials and again through a presigned URL without. */
public final class S3Probe implements ServerProbe {
  static final String BUCKET = "tandem-probe";

  private final S3Endpoint endpoint;

  public S3Probe(S3Endpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.S3;
  }

  @Override
  public String check() throws Exception {
    var client = S3Clients.minio(endpoint);
    if (!client.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())) {
      client.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
    }
    String object = "probe/" + UUID.randomUUID();
    byte[] body = object.getBytes(StandardCharsets.UTF_8);
    client.putObject(
        PutObjectArgs.builder().bucket(BUCKET).object(object).data(body, body.length).build());
    try {
      byte[] read;
      try (var in =
          client.getObject(GetObjectArgs.builder().bucket(BUCKET).object(object).build())) {
        read = in.readAllBytes();
      }
      if (!Arrays.equals(body, read)) {
        throw new IllegalStateException("object read back differs from what was put");
      }
      String url =
          client.getPresignedObjectUrl(
              GetPresignedObjectUrlArgs.builder()
                  .method(Http.Method.GET)
                  .bucket(BUCKET)
                  .object(object)
                  .expiry(60)
                  .build());
      var response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200 || !Arrays.equals(body, response.body())) {
        throw new IllegalStateException("presigned GET answered HTTP " + response.statusCode());
      }
      return "put, get and presigned GET of %s/%s".formatted(BUCKET, object);
    } finally {
      client.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(object).build());
    }
  }
}
