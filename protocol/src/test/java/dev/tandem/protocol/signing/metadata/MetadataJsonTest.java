package dev.tandem.protocol.signing.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.ProtocolErrorCode;
import dev.tandem.protocol.ProtocolException;
import dev.tandem.protocol.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataJsonTest {

  private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00Z");
  private static final MetadataKey ROOT_KEY = MetadataKey.ed25519("11".repeat(32));
  private static final MetadataKey TARGETS_KEY = MetadataKey.ed25519("22".repeat(32));
  private static final String SHA = "ab".repeat(32);

  @Test
  void keyIdIsSha256OfTheCanonicalKeyObject() {
    String canonical =
        "{\"keytype\":\"ed25519\",\"keyval\":{\"public\":\""
            + "11".repeat(32)
            + "\"},"
            + "\"scheme\":\"ed25519\"}";

    assertThat(new String(CanonicalJson.canonicalize(ROOT_KEY.toJson()), StandardCharsets.UTF_8))
        .isEqualTo(canonical);
    assertThat(ROOT_KEY.keyId())
        .isEqualTo(Hex.sha256(canonical.getBytes(StandardCharsets.UTF_8)))
        .hasSize(64);
  }

  @Test
  void rootRoundTripsThroughJson() {
    RootMetadata root = root();

    ObjectNode json = root.toJson();

    assertThat(json.get("_type").textValue()).isEqualTo("root");
    assertThat(json.get("expires").textValue()).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(json.at("/roles/targets/keyids/0").textValue()).isEqualTo(TARGETS_KEY.keyId());
    assertThat(RootMetadata.fromJson(json)).isEqualTo(root);
  }

  @Test
  void targetsRoundTripThroughJson() {
    TargetsMetadata targets = targets();

    ObjectNode json = targets.toJson();

    assertThat(json.at("/targets/models~1vibration~11.4.0~1int8.tar.gz/hashes/sha256").textValue())
        .isEqualTo(SHA);
    assertThat(json.at("/targets/models~1vibration~11.4.0~1int8.tar.gz/custom/variant").textValue())
        .isEqualTo("int8");
    assertThat(TargetsMetadata.fromJson(json)).isEqualTo(targets);
  }

  @Test
  void readingIgnoresUnknownFieldsAndRoles() {
    ObjectNode json = root().toJson();
    json.put("x-tandem-note", "added by a newer writer");
    json.withObject("/roles").set("snapshot", root().targetsRole().toJson());

    assertThat(RootMetadata.fromJson(json)).isEqualTo(root());
  }

  @Test
  void refusesWrongType() {
    assertRefused(
        () -> RootMetadata.fromJson(targets().toJson()),
        ProtocolErrorCode.WRONG_TYPE,
        "expected root metadata but signed._type is 'targets'");
    assertRefused(
        () -> TargetsMetadata.fromJson(root().toJson()),
        ProtocolErrorCode.WRONG_TYPE,
        "expected targets metadata but signed._type is 'root'");
  }

  @Test
  void refusesMissingOrMistypedFieldsNamingThem() {
    ObjectNode noVersion = root().toJson();
    noVersion.remove("version");
    assertRefused(
        () -> RootMetadata.fromJson(noVersion),
        ProtocolErrorCode.MALFORMED_METADATA,
        "root signed.version is missing");

    ObjectNode textLength = targets().toJson();
    ((ObjectNode) textLength.at("/targets/models~1vibration~11.4.0~1int8.tar.gz"))
        .put("length", "1024");
    assertRefused(
        () -> TargetsMetadata.fromJson(textLength),
        ProtocolErrorCode.MALFORMED_METADATA,
        "targets signed.targets.models/vibration/1.4.0/int8.tar.gz.length must be an integer");

    ObjectNode badTime = targets().toJson();
    badTime.put("expires", "2027-01-01");
    assertRefused(
        () -> TargetsMetadata.fromJson(badTime),
        ProtocolErrorCode.MALFORMED_METADATA,
        "targets signed.expires must look like 2030-01-31T00:00:00Z, got '2027-01-01'");
  }

  @Test
  void refusesKeyListedUnderAnotherKeyId() {
    ObjectNode json = root().toJson();
    json.withObject("/keys").set(ROOT_KEY.keyId(), TARGETS_KEY.toJson());

    assertRefused(
        () -> RootMetadata.fromJson(json),
        ProtocolErrorCode.MALFORMED_METADATA,
        "key id " + ROOT_KEY.keyId() + " does not match its key");
  }

  @Test
  void refusesRoleNamingAKeyThatIsNotListed() {
    ObjectNode json = root().toJson();
    json.withObject("/keys").remove(TARGETS_KEY.keyId());

    assertRefused(
        () -> RootMetadata.fromJson(json),
        ProtocolErrorCode.MALFORMED_METADATA,
        "roles.targets.keyids names key " + TARGETS_KEY.keyId() + " that is not in keys");
  }

  @Test
  void refusesUnreachableOrZeroThreshold() {
    assertRefused(
        () -> new RoleKeys(List.of(ROOT_KEY.keyId()), 2),
        ProtocolErrorCode.MALFORMED_METADATA,
        "threshold 2 can never be met by 1 keyids");
    assertRefused(
        () -> new RoleKeys(List.of(ROOT_KEY.keyId()), 0),
        ProtocolErrorCode.MALFORMED_METADATA,
        "threshold must be at least 1");
    assertRefused(
        () -> new RoleKeys(List.of(ROOT_KEY.keyId(), ROOT_KEY.keyId()), 1),
        ProtocolErrorCode.MALFORMED_METADATA,
        "lists " + ROOT_KEY.keyId() + " twice");
  }

  @Test
  void refusesSpecVersionWithAnotherMajor() {
    ObjectNode json = root().toJson();
    json.put("spec_version", "2.0.0");

    assertRefused(
        () -> RootMetadata.fromJson(json),
        ProtocolErrorCode.UNSUPPORTED_SPEC_VERSION,
        "root spec_version '2.0.0' has major version 2");
  }

  @Test
  void acceptsNewerMinorSpecVersion() {
    ObjectNode json = root().toJson();
    json.put("spec_version", "1.1.0");

    assertThat(RootMetadata.fromJson(json).specVersion()).isEqualTo("1.1.0");
  }

  @Test
  void refusesTargetPathsThatCouldEscapeTheirDirectory() {
    for (String path : List.of("/etc/passwd", "models/../../etc", "a//b", "a\\b", "./a")) {
      assertRefused(
          () -> new TargetInfo(path, 1, SHA, "m", "1", "v"),
          ProtocolErrorCode.MALFORMED_METADATA,
          "target '" + path + "'");
    }
  }

  @Test
  void refusesMalformedHashAndKey() {
    assertRefused(
        () -> new TargetInfo("a", 1, "AB".repeat(32), "m", "1", "v"),
        ProtocolErrorCode.MALFORMED_METADATA,
        "target 'a' hashes.sha256 must be lower-case hex");
    assertRefused(
        () -> MetadataKey.ed25519("11"),
        ProtocolErrorCode.MALFORMED_METADATA,
        "ed25519 keyval.public must be 64 hex characters, got 2");
  }

  @Test
  void envelopeRefusesDuplicateKeysAndMissingParts() {
    assertRefused(
        () -> SignedEnvelope.parse(utf8("{\"signed\":{},\"signed\":{},\"signatures\":[]}"), "doc"),
        ProtocolErrorCode.MALFORMED_METADATA,
        "Duplicate field 'signed'");
    assertRefused(
        () -> SignedEnvelope.parse(utf8("{\"signed\":{}}"), "doc"),
        ProtocolErrorCode.MALFORMED_METADATA,
        "doc.signatures is missing");
    assertRefused(
        () ->
            SignedEnvelope.parse(utf8("{\"signed\":{},\"signatures\":[{\"keyid\":\"x\"}]}"), "doc"),
        ProtocolErrorCode.MALFORMED_METADATA,
        "doc.signatures[0].sig is missing");
  }

  @Test
  void envelopeRefusesFloatsInSigned() {
    assertRefused(
        () -> SignedEnvelope.parse(utf8("{\"signed\":{\"version\":2.0},\"signatures\":[]}"), "doc"),
        ProtocolErrorCode.NON_CANONICAL_JSON,
        "$['version']: floating-point number 2.0 is not allowed");
  }

  @Test
  void envelopeRoundTripsThroughBytes() {
    SignedEnvelope envelope =
        new SignedEnvelope(
            targets().toJson(), List.of(new MetadataSignature(ROOT_KEY.keyId(), "00".repeat(64))));

    SignedEnvelope parsed = SignedEnvelope.parse(envelope.toBytes(), "targets");

    assertThat(parsed.canonicalSigned()).isEqualTo(envelope.canonicalSigned());
    assertThat(parsed.signatures()).isEqualTo(envelope.signatures());
    assertThat(parsed.type()).isEqualTo("targets");
  }

  private static RootMetadata root() {
    return RootMetadata.create(1, EXPIRES, List.of(ROOT_KEY), 1, List.of(TARGETS_KEY), 1);
  }

  private static TargetsMetadata targets() {
    TargetInfo target =
        new TargetInfo(
            "models/vibration/1.4.0/int8.tar.gz", 1024, SHA, "vibration", "1.4.0", "int8");
    return new TargetsMetadata(3, EXPIRES, SpecVersion.CURRENT, Map.of(target.path(), target));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static void assertRefused(Runnable call, ProtocolErrorCode code, String messagePart) {
    assertThatThrownBy(call::run)
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(messagePart)
        .extracting(e -> ((ProtocolException) e).code())
        .isEqualTo(code);
  }
}
