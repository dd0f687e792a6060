package dev.tandem.servers.s3;

import dev.tandem.servers.EmbeddedServer;
import dev.tandem.servers.Ports;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.ServerKind;
import dev.tandem.servers.ServerStartException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * A real S3-compatible server (S3Proxy) bound to 127.0.0.1 that keeps buckets as directories under
 * a base directory. It checks AWS V2/V4 signatures, so presigned URLs work as on S3.
 */
public final class EmbeddedS3 implements EmbeddedServer {
  private static final String REGION = "us-east-1";

  private final S3Proxy proxy;
  private final BlobStore store;
  private final S3Endpoint endpoint;

  private EmbeddedS3(S3Proxy proxy, BlobStore store, S3Endpoint endpoint) {
    this.proxy = proxy;
    this.store = store;
    this.endpoint = endpoint;
  }

  /**
   * Starts the server over {@code baseDir}.
   *
   * @param port 0 for a free port
   */
  public static EmbeddedS3 start(Path baseDir, int port, String accessKey, String secretKey) {
    int bound = Ports.claim("s3.port", port);
    BlobStore store = null;
    try {
      Files.createDirectories(baseDir);
      Properties props = new Properties();
      props.setProperty("jclouds.filesystem.basedir", baseDir.toString());
      store = BlobStores.create("filesystem", props);
      URI url = URI.create("http://" + Ports.LOOPBACK + ":" + bound);
      S3Proxy proxy =
          S3Proxy.builder()
              .blobStore(store)
              .endpoint(url)
              .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
              .stopTimeout(0)
              .build();
      proxy.start();
      awaitStarted(proxy);
      return new EmbeddedS3(proxy, store, new S3Endpoint(url, accessKey, secretKey, REGION));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServerStartException("s3: interrupted while starting", e);
    } catch (Exception e) {
      if (store != null) {
        store.close();
      }
      throw new ServerStartException("s3: could not start over " + baseDir + ": " + e, e);
    }
  }

  private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new ServerStartException("s3: not started after 30 s, state " + proxy.getState());
      }
      Thread.sleep(10);
    }
  }

  public S3Endpoint endpoint() {
    return endpoint;
  }

  @Override
  public ServerKind kind() {
    return ServerKind.S3;
  }

  @Override
  public String address() {
    return endpoint.url().toString();
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new ServerStartException("s3: did not stop cleanly: " + e, e);
    } finally {
      store.close();
    }
  }
}
