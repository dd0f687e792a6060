package dev.tandem.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@WithRealServers
class S3ServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void putGetAndPresignedGetReturnTheSameBytes(S3Endpoint s3) throws Exception {
    var client = S3Clients.minio(s3);
    String bucket = "kit-" + UUID.randomUUID();
    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    byte[] body = new byte[3 * 1024 * 1024 + 17];
    new Random(42).nextBytes(body);
    client.putObject(
        PutObjectArgs.builder()
            .bucket(bucket)
            .object("models/m.bin")
            .data(body, body.length)
            .build());

    assertThat(
            client
                .statObject(StatObjectArgs.builder().bucket(bucket).object("models/m.bin").build())
                .size())
        .isEqualTo(body.length);
    try (var in =
        client.getObject(GetObjectArgs.builder().bucket(bucket).object("models/m.bin").build())) {
      assertThat(in.readAllBytes()).isEqualTo(body);
    }
    String url = presignedGet(client, bucket, "models/m.bin");
    HttpResponse<byte[]> response = get(url);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(body);
  }

  @Test
  void presignedUrlWithAlteredSignatureIsRefused(S3Endpoint s3) throws Exception {
    var client = S3Clients.minio(s3);
    String bucket = "kit-" + UUID.randomUUID();
    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
    byte[] body = {1, 2, 3};
    client.putObject(
        PutObjectArgs.builder().bucket(bucket).object("a").data(body, body.length).build());
    String url = presignedGet(client, bucket, "a");
    String tampered = url.replaceFirst("(X-Amz-Signature=)(.)", "$1" + flip(url));

    assertThat(get(tampered).statusCode()).isEqualTo(403);
  }

  private static char flip(String url) {
    char c = url.charAt(url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
    return c == '0' ? '1' : '0';
  }

  private static String presignedGet(io.minio.MinioClient client, String bucket, String object)
      throws Exception {
    return client.getPresignedObjectUrl(
        GetPresignedObjectUrlArgs.builder()
            .method(Http.Method.GET)
            .bucket(bucket)
            .object(object)
            .expiry(60)
            .build());
  }

  private HttpResponse<byte[]> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
