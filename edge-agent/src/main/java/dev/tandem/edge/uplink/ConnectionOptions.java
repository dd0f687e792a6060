package dev.tandem.edge.uplink;

import dev.tandem.edge.config.AgentConfig.MqttSettings;
import dev.tandem.edge.config.AgentConfig.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/** Builds Paho's connection options from the agent's MQTT settings. */
final class ConnectionOptions {
  private ConnectionOptions() {}

  static MqttConnectionOptions of(MqttSettings settings, String willTopic, byte[] willPayload) {
    var options = new MqttConnectionOptions();
    options.setCleanStart(true); // the outbox, not the MQTT session, holds what is unsent
    options.setSessionExpiryInterval(0L);
    options.setAutomaticReconnect(false); // reconnects are ours: backoff, jitter, requeue
    options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
    options.setConnectionTimeout(15);
    if (settings.username() != null) {
      options.setUserName(settings.username());
    }
    if (settings.password() != null) {
      options.setPassword(
          new String(settings.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    var will = new MqttMessage(willPayload);
    will.setQos(1);
    will.setRetained(true);
    options.setWill(willTopic, will);
    if (settings.tls() != null) {
      options.setSocketFactory(sslContext(settings.tls()).getSocketFactory());
      options.setHttpsHostnameVerificationEnabled(true);
    }
    return options;
  }

  static SSLContext sslContext(TlsSettings tls) {
    try {
      var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(tls.trustStore(), tls.trustStorePassword()));
      KeyManagerFactory keys = null;
      if (tls.keyStore() != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(tls.keyStore(), tls.keyStorePassword()), tls.keyStorePassword());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("mqtt.tls: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(java.nio.file.Path file, char[] password)
      throws GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, password);
      return store;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "mqtt.tls: cannot read key store " + file + ": " + e.getMessage(), e);
    }
  }
}
