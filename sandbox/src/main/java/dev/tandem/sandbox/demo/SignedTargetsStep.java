package dev.tandem.sandbox.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.signing.MetadataVerifier;
import dev.tandem.protocol.signing.TargetCheck;
import dev.tandem.protocol.signing.TrustedState;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.topic.Topics;
import dev.tandem.protocol.v1.DeviceStateReport;
import dev.tandem.protocol.v1.Health;
import dev.tandem.protocol.v1.LinkState;
import dev.tandem.sandbox.run.Sandbox;
import dev.tandem.trainer.registry.RegistryApi;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Signs the first artifact as a target, then checks it as a device does: a device enrolls (and pins
 * the root it is given), is told to run the version, asks for its desired state with its device
 * token, verifies the roots and the signed targets with the protocol's {@link MetadataVerifier},
 * downloads the artifact from the presigned URL and accepts it only if {@link TargetCheck} finds
 * the signed length and SHA-256; a tampered copy is refused.
 */
final class SignedTargetsStep implements DemoStep {
  static final String COMPONENT = "signing";
  static final String DEVICE = "demo-device-1";

  private final ModelDemo demo;

  SignedTargetsStep(ModelDemo demo) {
    this.demo = demo;
  }

  @Override
  public String name() {
    return "verify the signed targets metadata";
  }

  @Override
  public Optional<String> component() {
    return Optional.of(COMPONENT);
  }

  /**
   * The device's last step, as an agent's after a switch: a retained state report naming the
   * version it now runs, so the control plane's fleet state shows desired = actual for it.
   */
  private static void reportRunning(Sandbox sandbox, String mqttPassword) throws MqttException {
    DeviceStateReport report =
        DeviceStateReport.newBuilder()
            .setHeader(Headers.create(DeviceId.of(DEVICE), 1, Instant.now()))
            .setAgentVersion("demo")
            .setHealth(Health.HEALTH_OK)
            .setLinkState(LinkState.LINK_STATE_ONLINE)
            .putModelVersions(ModelDemo.MODEL, ModelDemo.FIRST)
            .build();
    var client =
        new MqttClient(sandbox.stack().mqtt().serverUri(), DEVICE, new MemoryPersistence());
    try {
      // As the device: client id = user name = device id, the password its enrollment gave.
      var options = new MqttConnectionOptions();
      options.setUserName(DEVICE);
      options.setPassword(mqttPassword.getBytes(StandardCharsets.UTF_8));
      client.connect(options);
      MqttMessage message = new MqttMessage(MessageCodec.DEVICE_STATE.encode(report));
      message.setQos(1);
      message.setRetained(true);
      client.publish(Topics.state(DeviceId.of(DEVICE)), message);
      client.disconnect();
    } finally {
      client.close();
    }
  }

  @Override
  public String run(Sandbox sandbox) throws Exception {
    demo.requireRegistered();
    RegistryApi api = demo.admin(sandbox);
    String path = demo.path(ModelDemo.FIRST);
    JsonNode signed =
        api.post(
            "/api/v1/signing/targets",
            Map.of(
                "targets",
                List.of(
                    Map.of(
                        "path", path,
                        "length", demo.artifact.length,
                        "sha256", demo.sha256(),
                        "model", ModelDemo.MODEL,
                        "version", ModelDemo.FIRST,
                        "variant", ModelDemo.VARIANT))));
    long targetsVersion = signed.path("version").asLong();

    // The operator's view: the published documents verify from the newest root.
    var verifier = new MetadataVerifier(InstantSource.system());
    TrustedState published =
        verifier.updateTargets(
            verifier.pin(api.getBytes("/api/v1/signing/root")),
            api.getBytes("/api/v1/signing/targets"));
    TargetCheck.verify(published.target(path), demo.artifact.length, demo.sha256());

    // The device's view: pin the root from enrollment, then trust only what verifies.
    JsonNode token =
        api.post("/api/v1/enrollment-tokens", Map.of("hardwareClass", ModelDemo.HARDWARE));
    JsonNode enrolled =
        api.as(null)
            .post(
                "/api/v1/devices/enroll",
                Map.of("enrollmentToken", token.path("token").asText(), "deviceId", DEVICE));
    api.put(
        "/api/v1/devices/" + DEVICE + "/desired",
        Map.of("models", Map.of(ModelDemo.MODEL, ModelDemo.FIRST)));
    TrustedState device =
        verifier.pin(RegistryApi.json().writeValueAsBytes(enrolled.path("rootMetadata")));
    RegistryApi asDevice = api.as(enrolled.at("/credentials/deviceToken").asText());
    JsonNode desired =
        asDevice.get("/api/v1/device/desired?rootVersion=" + device.root().version());
    List<byte[]> newerRoots = new ArrayList<>();
    for (JsonNode root : desired.path("rootMetadata")) {
      newerRoots.add(RegistryApi.json().writeValueAsBytes(root));
    }
    device = verifier.updateRoots(device, newerRoots);
    device =
        verifier.updateTargets(
            device, RegistryApi.json().writeValueAsBytes(desired.path("targetsMetadata")));
    TargetInfo trusted = device.target(path);
    JsonNode offered = desired.at("/models/0/targets/0");
    RegisterModelStep.expect("offered target path", path, offered.path("path").asText());
    byte[] artifact = asDevice.download(offered.path("artifactUrl").asText());
    TargetCheck.verify(trusted, artifact);
    byte[] tampered = artifact.clone();
    tampered[tampered.length / 2] ^= 1;
    try {
      TargetCheck.verify(trusted, tampered);
      throw new IllegalStateException("a tampered artifact passed the target check");
    } catch (ProtocolException e) {
      RegisterModelStep.expect(
          "tampered artifact refusal", ProtocolErrorCode.HASH_MISMATCH, e.code());
    }
    reportRunning(sandbox, enrolled.at("/credentials/mqtt/password").asText());
    return ("targets v%d signs %s; device %s pinned root v%d, verified targets v%d, downloaded"
            + " %d bytes matching the signed sha256; a tampered copy is refused (HASH_MISMATCH);"
            + " it reports running it")
        .formatted(
            targetsVersion,
            path,
            DEVICE,
            device.root().version(),
            device.targetsVersion(),
            artifact.length);
  }
}
