package dev.tandem.ingest.lake;

import dev.tandem.servers.S3Clients;
import dev.tandem.servers.S3Endpoint;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A lake writer in a child JVM that stops dead after its first upload, before the checkpoint: the
 * parent test kills it there with SIGKILL. Arguments: bootstrap servers, S3 URL, access key, secret
 * key, region, group id, topic prefix, object prefix, group instance id.
 */
public final class CrashingLakeWriter {
  private CrashingLakeWriter() {}

  public static void main(String[] args) throws Exception {
    LakeConfig config = config(args[0], args[5], args[6], args[7], args[8]);
    S3Endpoint s3 = new S3Endpoint(URI.create(args[1]), args[2], args[3], args[4]);
    CountDownLatch never = new CountDownLatch(1);
    LakeWriter.start(
        config,
        S3Clients.minio(s3),
        new FlushListener() {
          @Override
          public void afterUpload(String dataset, int partition, List<String> files) {
            System.out.println("UPLOADED " + String.join(" ", files));
            System.out.flush();
            try {
              never.await(); // hold the writer between upload and checkpoint until killed
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
    never.await();
  }

  /** The configuration the child and the writer that takes over after it share. */
  static LakeConfig config(
      String bootstrap, String group, String topicPrefix, String prefix, String instanceId) {
    return LakeConfig.defaults(bootstrap, LakeTestKit.BUCKET)
        .withNames(group, topicPrefix, prefix)
        .withFlush(100_000, 64L * 1024 * 1024, Duration.ofMillis(300))
        .withKafkaProperties(
            Map.of("group.instance.id", instanceId, "session.timeout.ms", "10000"));
  }
}
