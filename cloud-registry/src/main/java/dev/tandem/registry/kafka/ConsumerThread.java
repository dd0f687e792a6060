package dev.tandem.registry.kafka;

import dev.tandem.registry.config.KafkaConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One consumer of a fleet stream (device id keys, protobuf values) on a daemon thread of its own,
 * as the control plane's consumers all run: offsets committed by the owner once its work is safe, a
 * new group starting from the earliest record. The owner says what a poll does; {@link #stop()}
 * wakes the consumer and waits for the thread.
 */
public final class ConsumerThread {
  private static final Logger LOG = Logger.getLogger(ConsumerThread.class);

  /** What the thread does with each poll's records. */
  @FunctionalInterface
  public interface PollHandler {
    void handle(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records);
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final Thread thread;
  private volatile boolean running = true;

  private ConsumerThread(
      KafkaConsumer<String, byte[]> consumer,
      String topic,
      Duration pollTimeout,
      String name,
      PollHandler handler) {
    this.consumer = consumer;
    this.thread = new Thread(() -> run(topic, pollTimeout, name, handler), name);
    thread.setDaemon(true);
  }

  /**
   * Starts consuming {@code topic}.
   *
   * @param name the thread's name, also in log lines
   */
  public static ConsumerThread start(
      KafkaConfig kafka,
      String groupId,
      String clientId,
      String topic,
      Duration pollTimeout,
      String name,
      PollHandler handler) {
    Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    var started =
        new ConsumerThread(new KafkaConsumer<>(properties), topic, pollTimeout, name, handler);
    started.thread.start();
    return started;
  }

  /** Wakes the consumer and waits up to 10 s for its thread to close it. */
  public void stop() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(10_000);
  }

  private void run(String topic, Duration pollTimeout, String name, PollHandler handler) {
    try (KafkaConsumer<String, byte[]> c = consumer) {
      c.subscribe(List.of(topic));
      LOG.infof("%s: consuming %s", name, topic);
      while (running) {
        handler.handle(c, c.poll(pollTimeout));
      }
    } catch (WakeupException e) {
      // Shutting down.
    } catch (RuntimeException e) {
      LOG.errorf(e, "%s: consumer stopped", name);
    }
  }
}
