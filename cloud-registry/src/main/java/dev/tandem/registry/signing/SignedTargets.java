package dev.tandem.registry.signing;

import dev.tandem.protocol.signing.metadata.TargetInfo;
import dev.tandem.registry.signing.repository.SignedDocument;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One signed targets version, indexed by model, version and variant. Signed versions never change,
 * so one index serves until the next version: the fleet's reads and the rollouts' desired states
 * look targets up in it instead of scanning them.
 */
public record SignedTargets(long version, byte[] envelope, Map<String, TargetInfo> byKey) {

  public static SignedTargets of(SignedDocument document) {
    Map<String, TargetInfo> byKey = new HashMap<>();
    for (TargetInfo t : document.targetsMetadata().targets().values()) {
      byKey.putIfAbsent(key(t.model(), t.version(), t.variant()), t);
    }
    return new SignedTargets(document.version(), document.bytes(), Map.copyOf(byKey));
  }

  /** The signed target of this variant, if one is signed. */
  public Optional<TargetInfo> find(String model, String version, String variant) {
    return Optional.ofNullable(byKey.get(key(model, version, variant)));
  }

  /** The path rollouts sign a variant under. */
  public static String path(String model, String version, String variant) {
    return "models/" + model + "/" + version + "/" + variant;
  }

  private static String key(String model, String version, String variant) {
    return model + "\u0000" + version + "\u0000" + variant;
  }
}
