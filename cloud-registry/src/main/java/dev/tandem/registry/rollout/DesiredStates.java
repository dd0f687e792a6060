package dev.tandem.registry.rollout;

import com.google.protobuf.ByteString;
import dev.tandem.protocol.message.Headers;
import dev.tandem.protocol.message.MessageCodec;
import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.protocol.v1.DesiredModel;
import dev.tandem.protocol.v1.DesiredState;
import dev.tandem.registry.artifact.ArtifactUrls;
import dev.tandem.registry.model.ResolvedVariant;
import dev.tandem.registry.model.VariantLookup;
import dev.tandem.registry.signing.SignedTargets;
import dev.tandem.registry.signing.SigningService;
import dev.tandem.registry.signing.repository.Heads;
import dev.tandem.registry.signing.repository.SignedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Builds the {@code DesiredState} message for a device from what it should run: every desired model
 * with its variant, signed target path and a presigned URL; the current signed targets envelope;
 * and every root after version 1 (a device skips those it has).
 *
 * <p>A presigned URL is not tied to a device: {@link ArtifactUrls#presign} shares one per artifact
 * for a quarter of its lifetime, as for devices' own reads, so a wave of 10,000 devices signs a
 * handful of URLs, not 10,000.
 */
@ApplicationScoped
public class DesiredStates {
  private static final Logger LOG = Logger.getLogger(DesiredStates.class);

  private final SigningService signing;
  private final VariantLookup variants;
  private final ArtifactUrls urls;
  private final InstantSource clock;
  private final AtomicLong sequence = new AtomicLong();
  private volatile SignedTargets targets;
  private volatile Roots roots;

  private record Roots(long newest, List<ByteString> after1) {}

  DesiredStates(
      SigningService signing, VariantLookup variants, ArtifactUrls urls, InstantSource clock) {
    this.signing = signing;
    this.variants = variants;
    this.urls = urls;
    this.clock = clock;
  }

  /** What one batch of messages shares: the signed targets and roots, read once. */
  final class Batch {
    private final SignedTargets signed;
    private final Roots rootChain;

    private Batch(SignedTargets signed, Roots rootChain) {
      this.signed = signed;
      this.rootChain = rootChain;
    }

    /**
     * The desired state of one device.
     *
     * @param models model name to version, what it should run
     * @param chosen model name to the variant a rollout chose for it (others are looked up)
     */
    DesiredState build(
        String deviceId,
        String hardwareClass,
        String rolloutId,
        Map<String, String> models,
        Map<String, String> chosen) {
      Instant now = clock.instant();
      DesiredState.Builder state =
          DesiredState.newBuilder()
              .setHeader(Headers.create(DeviceId.of(deviceId), nextSequence(now), now))
              .setRolloutId(rolloutId)
              .setTargetsMetadata(ByteString.copyFrom(signed.envelope()))
              .addAllRootMetadata(rootChain.after1());
      new TreeMap<>(models)
          .forEach(
              (model, version) ->
                  state.addModels(model(model, version, hardwareClass, chosen.get(model))));
      return state.build();
    }

    private DesiredModel model(String model, String version, String hardwareClass, String variant) {
      DesiredModel.Builder desired = DesiredModel.newBuilder().setName(model).setVersion(version);
      String name = variant;
      if (name == null) {
        name =
            variants
                .resolve(model, version, hardwareClass)
                .map(ResolvedVariant::variant)
                .orElse(null);
      }
      if (name == null) {
        return desired.build();
      }
      desired.setVariant(name);
      TargetInfo target = signed.find(model, version, name).orElse(null);
      if (target == null) {
        // Not signed: the device must not install it; it learns the version only.
        LOG.debugf("rollouts: %s %s/%s is not signed; sent without a target", model, version, name);
        return desired.build();
      }
      return desired
          .setTargetPath(target.path())
          .setArtifactUrl(urls.presign(target.sha256()).url().toString())
          .build();
    }
  }

  /** A batch over the newest signed targets and roots. */
  Batch batch() {
    Heads heads = signing.heads();
    SignedDocument targetsDoc = heads.requireTargets();
    SignedTargets current = targets;
    if (current == null || current.version() != targetsDoc.version()) {
      current = SignedTargets.of(targetsDoc);
      targets = current;
    }
    long newestRoot = heads.requireRoot().version();
    Roots chain = roots;
    if (chain == null || chain.newest() != newestRoot) {
      chain =
          new Roots(
              newestRoot,
              signing.rootsAfter(1).stream().map(d -> ByteString.copyFrom(d.bytes())).toList());
      roots = chain;
    }
    return new Batch(current, chain);
  }

  /** The signed targets now, for callers that check what is signed. */
  SignedTargets signedTargets() {
    return batch().signed;
  }

  /** Increasing per sender: milliseconds, or one more than the last when in the same one. */
  private long nextSequence(Instant now) {
    long millis = now.toEpochMilli();
    return sequence.updateAndGet(last -> Math.max(last + 1, millis));
  }

  /** Encodes for the wire. */
  static byte[] encode(DesiredState state) {
    return MessageCodec.DESIRED_STATE.encode(state);
  }
}
