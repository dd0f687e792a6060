package dev.tandem.servers.mqtt;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * A broker extension that admits only clients presenting a known user name and password, as a
 * production broker does with per-device credentials. HiveMQ CE admits everyone without one.
 */
final class DeviceCredentials {
  private DeviceCredentials() {}

  static EmbeddedExtension extension(Map<String, String> passwords) {
    Map<String, String> known = Map.copyOf(passwords);
    return EmbeddedExtension.builder()
        .withId("tandem-device-credentials")
        .withName("Tandem device credentials")
        .withVersion("1")
        .withAuthor("Tandem")
        .withPriority(1000)
        .withStartPriority(1000)
        .withExtensionMain(
            new ExtensionMain() {
              @Override
              public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
                Services.securityRegistry()
                    .setAuthenticatorProvider(
                        providerInput ->
                            (SimpleAuthenticator)
                                (connect, result) -> {
                                  var packet = connect.getConnectPacket();
                                  String user = packet.getUserName().orElse(null);
                                  String expected = user == null ? null : known.get(user);
                                  if (expected != null
                                      && matches(expected, packet.getPassword().orElse(null))) {
                                    result.authenticateSuccessfully();
                                  } else {
                                    result.failAuthentication();
                                  }
                                });
              }

              @Override
              public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {}
            })
        .build();
  }

  private static boolean matches(String expected, ByteBuffer presented) {
    if (presented == null) {
      return false;
    }
    byte[] bytes = new byte[presented.remaining()];
    presented.duplicate().get(bytes);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), bytes);
  }
}
