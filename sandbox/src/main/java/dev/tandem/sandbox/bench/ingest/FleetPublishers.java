package dev.tandem.sandbox.bench.ingest;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated devices publishing summaries at QoS 1 over a few connections (a fleet's gateways), as
 * fast as the broker acknowledges or at a fixed total rate.
 */
final class FleetPublishers implements AutoCloseable {
  private static final int WINDOW_PER_CONNECTION = 500;

  private final List<Mqtt5AsyncClient> clients = new ArrayList<>();
  private final AtomicLong failures = new AtomicLong();

  FleetPublishers(URI broker, String name, int connections) throws Exception {
    for (int c = 0; c < connections; c++) {
      Mqtt5AsyncClient client =
          MqttClient.builder()
              .useMqttVersion5()
              .identifier(name + "-pub-" + c)
              .serverHost(broker.getHost())
              .serverPort(broker.getPort())
              .buildAsync();
      client.connectWith().cleanStart(true).send().get(30, TimeUnit.SECONDS);
      clients.add(client);
    }
  }

  /**
   * Publishes every device's messages, devices interleaved; returns once the broker acknowledged
   * all of them.
   *
   * @param ratePerSecond total publish rate, or 0 for as fast as the broker takes them
   */
  void publishAll(DeliveryLog log, int devices, int perDevice, double ratePerSecond)
      throws InterruptedException {
    int connections = clients.size();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int connection = c;
      Thread thread =
          new Thread(
              () -> publish(log, connection, devices, perDevice, ratePerSecond / connections),
              "bench-publisher-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " publishes were refused by the broker");
    }
  }

  private void publish(DeliveryLog log, int connection, int devices, int perDevice, double rate) {
    Mqtt5AsyncClient client = clients.get(connection);
    Semaphore window = new Semaphore(WINDOW_PER_CONNECTION);
    long start = System.nanoTime();
    long sent = 0;
    try {
      for (long seq = 1; seq <= perDevice; seq++) {
        for (int device = connection; device < devices; device += clients.size()) {
          if (rate > 0) {
            long due = start + (long) (sent / rate * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
          }
          window.acquire();
          byte[] payload = BenchMessages.summary(device, seq);
          log.sent(device, seq);
          client
              .publishWith()
              .topic(BenchMessages.topic(device))
              .qos(MqttQos.AT_LEAST_ONCE)
              .payload(payload)
              .send()
              .whenComplete(
                  (result, error) -> {
                    if (error != null || result.getError().isPresent()) {
                      failures.incrementAndGet();
                    }
                    window.release();
                  });
          sent++;
        }
      }
      window.acquire(WINDOW_PER_CONNECTION);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    for (Mqtt5AsyncClient client : clients) {
      client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
  }
}
