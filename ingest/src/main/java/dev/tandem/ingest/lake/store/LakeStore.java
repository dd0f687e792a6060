package dev.tandem.ingest.lake.store;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.messages.Item;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The lake bucket, spoken to through the MinIO SDK. Failures are {@link LakeStoreException}s,
 * including the SDK's unchecked ones (it reports a refused connection as an {@code
 * IllegalStateException}).
 */
public final class LakeStore {
  private final MinioClient client;
  private final String bucket;

  public LakeStore(MinioClient client, String bucket) {
    this.client = Objects.requireNonNull(client, "client");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  /** The bucket name. */
  public String bucket() {
    return bucket;
  }

  /** Creates the bucket unless it exists. */
  public void ensureBucket() {
    try {
      if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
      }
    } catch (ErrorResponseException e) {
      if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
        throw failure("creating bucket " + bucket, e);
      }
    } catch (MinioException | RuntimeException e) {
      throw failure("creating bucket " + bucket, e);
    }
  }

  /** Stores {@code bytes} under {@code name}; durable once this returns. */
  public void put(String name, byte[] bytes, String contentType) {
    try {
      client.putObject(
          PutObjectArgs.builder()
              .bucket(bucket)
              .object(name)
              .data(bytes, bytes.length)
              .contentType(contentType)
              .build());
    } catch (MinioException | RuntimeException e) {
      throw failure("writing " + name, e);
    }
  }

  /** The object's bytes, or empty if there is no such object. */
  public Optional<byte[]> get(String name) {
    try (InputStream in =
        client.getObject(GetObjectArgs.builder().bucket(bucket).object(name).build())) {
      return Optional.of(in.readAllBytes());
    } catch (ErrorResponseException e) {
      if ("NoSuchKey".equals(e.errorResponse().code())) {
        return Optional.empty();
      }
      throw failure("reading " + name, e);
    } catch (MinioException | IOException | RuntimeException e) {
      throw failure("reading " + name, e);
    }
  }

  /** The object's bytes. @throws LakeStoreException if it does not exist */
  public byte[] require(String name) {
    return get(name)
        .orElseThrow(() -> new LakeStoreException("no object " + name + " in " + bucket));
  }

  /** Every object whose name starts with {@code prefix}, in name order. */
  public List<StoredObject> list(String prefix) {
    List<StoredObject> objects = new ArrayList<>();
    try {
      for (Result<Item> result :
          client.listObjects(
              ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
        Item item = result.get();
        if (!item.isDir()) {
          objects.add(new StoredObject(item.objectName(), item.size()));
        }
      }
    } catch (MinioException | RuntimeException e) {
      throw failure("listing " + prefix, e);
    }
    objects.sort((a, b) -> a.name().compareTo(b.name()));
    return objects;
  }

  /** Deletes the object; deleting one that does not exist is not an error. */
  public void delete(String name) {
    try {
      client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(name).build());
    } catch (MinioException | RuntimeException e) {
      throw failure("deleting " + name, e);
    }
  }

  private LakeStoreException failure(String what, Exception e) {
    return new LakeStoreException(what + " in bucket " + bucket + " failed: " + e.getMessage(), e);
  }
}
