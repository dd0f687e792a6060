package dev.tandem.servers.stack;

/**
 * Ports for embedded servers on 127.0.0.1; 0 picks a free port.
 *
 * @param kafka Kafka client port
 * @param kafkaController Kafka KRaft controller port
 * @param mqtt MQTT port
 * @param s3 S3 HTTP port
 * @param postgres PostgreSQL port
 */
public record EmbeddedPorts(int kafka, int kafkaController, int mqtt, int s3, int postgres) {
  /** Free ports for everything: what tests use. */
  public static final EmbeddedPorts ANY = new EmbeddedPorts(0, 0, 0, 0, 0);

  /**
   * The sandbox's fixed ports: the usual ones moved into a 1xxxx range, so they do not collide with
   * a Kafka, Mosquitto, MinIO or PostgreSQL already installed on the machine.
   */
  public static final EmbeddedPorts SANDBOX = new EmbeddedPorts(19092, 19093, 11883, 19000, 15432);

  public EmbeddedPorts {
    check("kafka.port", kafka);
    check("kafka.controller-port", kafkaController);
    check("mqtt.port", mqtt);
    check("s3.port", s3);
    check("postgres.port", postgres);
  }

  private static void check(String key, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "%s: %d is not a port (1-65535, or 0 for a free one)".formatted(key, port));
    }
  }
}
