package dev.tandem.servers.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.async.TimeoutFallback;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionInformation;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import dev.tandem.protocol.topic.DeviceTopicPolicy;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;

/**
 * A broker extension that admits only clients {@link BrokerLogins} accepts, as a production broker
 * does with per-device credentials (HiveMQ CE admits everyone without one), and keeps each device
 * to its own topics ({@link DeviceTopicPolicy}); services may use every topic.
 */
final class LoginExtension {
  /** Connection attribute: the device id of a device login; absent for services. */
  private static final String DEVICE = "tandem.device";

  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(10);

  private LoginExtension() {}

  static EmbeddedExtension of(BrokerLogins logins) {
    return EmbeddedExtension.builder()
        .withId("tandem-logins")
        .withName("Tandem logins")
        .withVersion("2")
        .withAuthor("Tandem")
        .withPriority(1000)
        .withStartPriority(1000)
        .withExtensionMain(
            new ExtensionMain() {
              @Override
              public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                Services.securityRegistry()
                    .setAuthenticatorProvider(providerInput -> new Authenticator(logins));
                Services.securityRegistry()
                    .setAuthorizerProvider(providerInput -> new Authorizer());
              }

              @Override
              public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
            })
        .build();
  }

  /** Decides logins off the broker's network threads: the decision may block. */
  private record Authenticator(BrokerLogins logins) implements SimpleAuthenticator {
    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
      var packet = input.getConnectPacket();
      String clientId = packet.getClientId();
      String username = packet.getUserName().orElse(null);
      byte[] password = packet.getPassword().map(LoginExtension::bytes).orElse(null);
      var async = output.async(LOGIN_TIMEOUT, TimeoutFallback.FAILURE);
      Services.extensionExecutorService()
          .submit(
              () -> {
                try {
                  BrokerLogins.Decision decision = logins.login(clientId, username, password);
                  if (!decision.allowed()) {
                    output.failAuthentication(
                        ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, decision.reason());
                  } else {
                    if (decision.kind() == BrokerLogins.Kind.DEVICE) {
                      input
                          .getConnectionInformation()
                          .getConnectionAttributeStore()
                          .putAsString(DEVICE, username);
                    }
                    output.authenticateSuccessfully();
                  }
                } catch (RuntimeException e) {
                  output.failAuthentication(
                      ConnackReasonCode.NOT_AUTHORIZED, "login check failed: " + e);
                } finally {
                  async.resume();
                }
              });
    }
  }

  /** Devices to their own topics; services everywhere. Local and cheap: it runs per publish. */
  private static final class Authorizer implements PublishAuthorizer, SubscriptionAuthorizer {
    @Override
    public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
      refusal(
              input.getConnectionInformation(),
              input.getPublishPacket().getTopic(),
              DeviceTopicPolicy.Action.PUBLISH)
          .ifPresentOrElse(
              reason -> output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, reason),
              output::authorizeSuccessfully);
    }

    @Override
    public void authorizeSubscribe(
        SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
      refusal(
              input.getConnectionInformation(),
              input.getSubscription().getTopicFilter(),
              DeviceTopicPolicy.Action.SUBSCRIBE)
          .ifPresentOrElse(
              reason -> output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, reason),
              output::authorizeSuccessfully);
    }

    /** Why a device may not use {@code topic} this way; empty when it may, or for services. */
    private static Optional<String> refusal(
        ConnectionInformation connection, String topic, DeviceTopicPolicy.Action action) {
      Optional<String> device = device(connection);
      if (device.isEmpty()) {
        return Optional.empty();
      }
      var decision = DeviceTopicPolicy.check(device.get(), topic, action);
      return decision.allowed() ? Optional.empty() : Optional.of(decision.reason());
    }

    private static Optional<String> device(ConnectionInformation connection) {
      return connection.getConnectionAttributeStore().getAsString(DEVICE);
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
