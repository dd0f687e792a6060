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
import java.util.TreeMap;

/**
 * The {@code signed} part of TUF root metadata: the keys, and which of them (how many) may sign
 * root and targets metadata.
 *
 * @param version metadata version, 1 for the first root, +1 for each rotation
 * @param expires when the root stops being trusted, second precision
 * @param specVersion TUF specification version, major version 1
 * @param consistentSnapshot the TUF {@code consistent_snapshot} flag; Tandem does not use it
 * @param keys every key by its key id
 * @param rootRole keys and threshold for signing root metadata
 * @param targetsRole keys and threshold for signing targets metadata
 */
public record RootMetadata(
    long version,
    Instant expires,
    String specVersion,
    boolean consistentSnapshot,
    Map<String, MetadataKey> keys,
    RoleKeys rootRole,
    RoleKeys targetsRole) {

  /**
   * Validates the root.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if the version is
   *     below 1, a key id does not match its key, or a role names a key that is not in {@code keys}
   */
  public RootMetadata {
    if (version < 1) {
      throw malformed("version must be at least 1, got " + version);
    }
    expires = Objects.requireNonNull(expires, "expires").truncatedTo(ChronoUnit.SECONDS);
    SpecVersion.check(specVersion, "root spec_version");
    keys = Map.copyOf(Objects.requireNonNull(keys, "keys"));
    Objects.requireNonNull(rootRole, "rootRole");
    Objects.requireNonNull(targetsRole, "targetsRole");
    keys.forEach(
        (id, key) -> {
          String actual = key.keyId();
          if (!actual.equals(id)) {
            throw malformed(
                "keys: key id " + id + " does not match its key, whose id is " + actual);
          }
        });
    checkKnown(rootRole, "root", keys);
    checkKnown(targetsRole, "targets", keys);
  }

  /**
   * Creates root metadata listing exactly the given keys.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#MALFORMED_METADATA} if invalid
   */
  public static RootMetadata create(
      long version,
      Instant expires,
      Collection<MetadataKey> rootKeys,
      int rootThreshold,
      Collection<MetadataKey> targetsKeys,
      int targetsThreshold) {
    Map<String, MetadataKey> keys = new LinkedHashMap<>();
    rootKeys.forEach(k -> keys.put(k.keyId(), k));
    targetsKeys.forEach(k -> keys.put(k.keyId(), k));
    return new RootMetadata(
        version,
        expires,
        SpecVersion.CURRENT,
        false,
        keys,
        new RoleKeys(rootKeys.stream().map(MetadataKey::keyId).toList(), rootThreshold),
        new RoleKeys(targetsKeys.stream().map(MetadataKey::keyId).toList(), targetsThreshold));
  }

  /** The keys and threshold of {@code type}'s role. */
  public RoleKeys role(MetadataType type) {
    return type == MetadataType.ROOT ? rootRole : targetsRole;
  }

  /** The {@code signed} JSON object. */
  public ObjectNode toJson() {
    ObjectNode node = StrictJson.nodes().objectNode();
    node.put("_type", MetadataType.ROOT.typeName());
    node.put("spec_version", specVersion);
    node.put("version", version);
    node.put("expires", MetadataTime.format(expires));
    node.put("consistent_snapshot", consistentSnapshot);
    ObjectNode keysNode = node.putObject("keys");
    new TreeMap<>(keys).forEach((id, key) -> keysNode.set(id, key.toJson()));
    ObjectNode roles = node.putObject("roles");
    roles.set(MetadataType.ROOT.typeName(), rootRole.toJson());
    roles.set(MetadataType.TARGETS.typeName(), targetsRole.toJson());
    return node;
  }

  /**
   * Reads the {@code signed} JSON object of root metadata. Unknown fields and roles are ignored.
   *
   * @throws ProtocolException with {@link ProtocolErrorCode#WRONG_TYPE} if {@code _type} is not
   *     {@code root}, {@link ProtocolErrorCode#MALFORMED_METADATA} naming a missing or invalid
   *     field
   */
  public static RootMetadata fromJson(JsonNode signed) {
    JsonFields fields = JsonFields.of(signed, "root signed");
    MetadataType.ROOT.require(fields.text("_type"));
    JsonFields keysNode = fields.object("keys");
    Map<String, MetadataKey> keys = new LinkedHashMap<>();
    keysNode
        .members()
        .forEachRemaining(
            e -> keys.put(e.getKey(), MetadataKey.fromJson(keysNode.object(e.getKey()))));
    JsonFields roles = fields.object("roles");
    return new RootMetadata(
        fields.integer("version"),
        fields.time("expires"),
        fields.text("spec_version"),
        fields.bool("consistent_snapshot", false),
        keys,
        RoleKeys.fromJson(roles.object(MetadataType.ROOT.typeName())),
        RoleKeys.fromJson(roles.object(MetadataType.TARGETS.typeName())));
  }

  private static void checkKnown(RoleKeys role, String name, Map<String, MetadataKey> keys) {
    for (String id : role.keyIds()) {
      if (!keys.containsKey(id)) {
        throw malformed("roles." + name + ".keyids names key " + id + " that is not in keys");
      }
    }
  }

  private static ProtocolException malformed(String message) {
    return new ProtocolException(ProtocolErrorCode.MALFORMED_METADATA, "root " + message);
  }
}
