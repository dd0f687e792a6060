package dev.tandem.protocol.signing.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.json.StrictJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code signed} part of TUF targets metadata: the artifacts a device may install.
 *
 * @param version metadata version; a device refuses versions older than one it has seen
 * @param expires when this metadata stops being trusted, second precision
 * @param specVersion TUF specification version, major version 1
 * @param targets every target by its path
 */
public record TargetsMetadata(
    long version, Instant expires, String specVersion, Map<String, TargetInfo> targets) {

  /**
   * Validates the metadata.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if the version is
   *     below 1 or a map key differs from its target's path
   */
  public TargetsMetadata {
    if (version < 1) {
      throw new ProtocolException(
          ProtocolErrorCode.MALFORMED_METADATA,
          "targets version must be at least 1, got " + version);
    }
    expires = Objects.requireNonNull(expires, "expires").truncatedTo(ChronoUnit.SECONDS);
    SpecVersion.check(specVersion, "targets spec_version");
    targets = Map.copyOf(Objects.requireNonNull(targets, "targets"));
    targets.forEach(
        (path, target) -> {
          if (!path.equals(target.path())) {
            throw new ProtocolException(
                ProtocolErrorCode.MALFORMED_METADATA,
                "targets key '"
                    + path
                    + "' differs from its target's path '"
                    + target.path()
                    + "'");
          }
        });
  }

  /** Creates targets metadata listing {@code targets} with the current spec version. */
  public static TargetsMetadata create(
      long version, Instant expires, Collection<TargetInfo> targets) {
    Map<String, TargetInfo> byPath = new LinkedHashMap<>();
    for (TargetInfo target : targets) {
      if (byPath.put(target.path(), target) != null) {
        throw new ProtocolException(
            ProtocolErrorCode.MALFORMED_METADATA, "target '" + target.path() + "' listed twice");
      }
    }
    return new TargetsMetadata(version, expires, SpecVersion.CURRENT, byPath);
  }

  /** The target at {@code path}, if listed. */
  public Optional<TargetInfo> target(String path) {
    return Optional.ofNullable(targets.get(path));
  }

  /** The {@code signed} JSON object. */
  public ObjectNode toJson() {
    ObjectNode node = StrictJson.nodes().objectNode();
    node.put("_type", MetadataType.TARGETS.typeName());
    node.put("spec_version", specVersion);
    node.put("version", version);
    node.put("expires", MetadataTime.format(expires));
    ObjectNode targetsNode = node.putObject("targets");
    new TreeMap<>(targets).forEach((path, target) -> targetsNode.set(path, target.toJson()));
    return node;
  }

  /**
   * Reads the {@code signed} JSON object of targets metadata. Unknown fields are ignored.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#WRONG_TYPE} if {@code _type} is not
   *     {@code targets}, {@link ProtocolErrorCode#MALFORMED_METADATA} naming a missing or invalid
   *     field
   */
  public static TargetsMetadata fromJson(JsonNode signed) {
    JsonFields fields = JsonFields.of(signed, "targets signed");
    MetadataType.TARGETS.require(fields.text("_type"));
    JsonFields targetsNode = fields.object("targets");
    Map<String, TargetInfo> targets = new LinkedHashMap<>();
    targetsNode
        .members()
        .forEachRemaining(
            e ->
                targets.put(
                    e.getKey(), TargetInfo.fromJson(e.getKey(), targetsNode.object(e.getKey()))));
    return new TargetsMetadata(
        fields.integer("version"), fields.time("expires"), fields.text("spec_version"), targets);
  }
}
