package dev.tandem.testkit;

import dev.tandem.servers.KafkaEndpoint;
import dev.tandem.servers.MqttEndpoint;
import dev.tandem.servers.PostgresEndpoint;
import dev.tandem.servers.S3Endpoint;
import dev.tandem.servers.stack.ServerStack;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects real servers into test constructors and methods: declare a parameter of type {@link
 * KafkaEndpoint}, {@link MqttEndpoint}, {@link S3Endpoint}, {@link PostgresEndpoint} or {@link
 * ServerStack}. Only the servers a test asks for are started. A {@link PostgresEndpoint} parameter
 * gets a fresh database of its own.
 */
public final class RealServersExtension implements ParameterResolver {
  private static final Set<Class<?>> SUPPORTED =
      Set.of(
          KafkaEndpoint.class,
          MqttEndpoint.class,
          S3Endpoint.class,
          PostgresEndpoint.class,
          ServerStack.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return SUPPORTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ServerStack stack = RealServers.stack();
    Class<?> type = parameter.getParameter().getType();
    if (type == KafkaEndpoint.class) {
      return stack.kafka();
    } else if (type == MqttEndpoint.class) {
      return stack.mqtt();
    } else if (type == S3Endpoint.class) {
      return stack.s3();
    } else if (type == PostgresEndpoint.class) {
      return Databases.create(stack.postgres(), context.getRequiredTestClass().getSimpleName());
    }
    return stack;
  }
}
