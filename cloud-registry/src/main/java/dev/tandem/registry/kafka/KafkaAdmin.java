package dev.tandem.registry.kafka;

import dev.tandem.registry.config.KafkaConfig;
import dev.tandem.registry.error.DependencyUnavailableException;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.Reasons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.KafkaException;

/**
 * One Kafka admin client for the application, created on first use and closed at shutdown. If it
 * cannot be created (say, no bootstrap server resolves), the next call tries again.
 */
@ApplicationScoped
public class KafkaAdmin {
  private static final String DEPENDENCY = "kafka";
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

  private final Map<String, Object> properties;
  private Admin admin;
  private boolean closed;

  KafkaAdmin(KafkaConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "tandem-cloud-registry-admin");
    // Back off up to 10 s between reconnects to a broker that is down, instead of 1 s.
    props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 10_000);
    props.putAll(config.clientProperties());
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    this.properties = Map.copyOf(props);
  }

  /** The configured {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return (String) properties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
  }

  /**
   * Asks the cluster for its id and brokers, waiting at most {@code timeout}.
   *
   * @throws DependencyUnavailableException with the reason, if the cluster does not answer in time
   */
  public ClusterInfo describeCluster(Duration timeout) {
    long millis = timeout.toMillis();
    try {
      DescribeClusterResult result =
          admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
      String clusterId = result.clusterId().get(millis, TimeUnit.MILLISECONDS);
      int brokers = result.nodes().get(millis, TimeUnit.MILLISECONDS).size();
      return new ClusterInfo(clusterId, brokers);
    } catch (TimeoutException e) {
      throw unavailable(noAnswer(millis), e);
    } catch (ExecutionException e) {
      throw unavailable(
          e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
              ? noAnswer(millis)
              : Reasons.describe(e),
          e);
    } catch (KafkaException e) {
      throw unavailable(Reasons.describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for an answer", e);
    }
  }

  private String noAnswer(long millis) {
    return "no broker of " + bootstrapServers() + " answered within " + millis + " ms";
  }

  private synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("the kafka admin client is closed");
    }
    if (admin == null) {
      admin = Admin.create(properties);
    }
    return admin;
  }

  @PreDestroy
  synchronized void close() {
    closed = true;
    if (admin != null) {
      admin.close(CLOSE_TIMEOUT);
      admin = null;
    }
  }

  private static DependencyUnavailableException unavailable(String reason, Throwable cause) {
    return new DependencyUnavailableException(
        ErrorCode.SERVICE_UNAVAILABLE, DEPENDENCY, reason, cause);
  }
}
