package dev.tandem.edge.update;

import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.util.UUID;

/**
 * Artifacts in the real S3 store, fetched by presigned URLs as the control plane hands them out.
 */
final class ArtifactStore {
  private final MinioClient client;
  private final String bucket = "models-" + UUID.randomUUID();

  ArtifactStore(S3Endpoint s3) throws Exception {
    this.client = S3Clients.minio(s3);
    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
  }

  /** Stores {@code bytes} and answers a presigned GET URL valid for {@code seconds}. */
  String put(byte[] bytes, int seconds) throws Exception {
    String object = "artifacts/" + UUID.randomUUID();
    client.putObject(
        PutObjectArgs.builder().bucket(bucket).object(object).data(bytes, bytes.length).build());
    return client.getPresignedObjectUrl(
        GetPresignedObjectUrlArgs.builder()
            .method(Http.Method.GET)
            .bucket(bucket)
            .object(object)
            .expiry(seconds)
            .build());
  }

  String put(byte[] bytes) throws Exception {
    return put(bytes, 300);
  }
}
