package dev.tandem.servers.probe;

import dev.tandem.servers.ServerKind;
import dev.tandem.servers.stack.ServerStack;

/** The probe for each server of a stack. */
public final class Probes {
  private Probes() {}

  public static ServerProbe of(ServerStack stack, ServerKind kind) {
    return switch (kind) {
      case KAFKA -> new KafkaProbe(stack.kafka());
      case MQTT -> new MqttProbe(stack.mqtt());
      case S3 -> new S3Probe(stack.s3());
      case POSTGRES -> new PostgresProbe(stack.postgres());
    };
  }
}
