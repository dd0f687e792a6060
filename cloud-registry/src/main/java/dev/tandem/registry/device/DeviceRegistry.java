package dev.tandem.registry.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.protocol.topic.DeviceId;
import dev.tandem.registry.audit.AuditLog;
import dev.tandem.registry.config.TandemConfig;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.hardware.HardwareClasses;
import dev.tandem.registry.signing.SigningService;
import dev.tandem.registry.signing.repository.SignedDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Provisioning and the device lifecycle: enrollment tokens, the one-time exchange of a token for a
 * device identity and credentials, credential rotation and decommissioning.
 */
@ApplicationScoped
public class DeviceRegistry {

  private final DataSource dataSource;
  private final DeviceStore devices;
  private final EnrollmentTokens tokens;
  private final HardwareClasses hardwareClasses;
  private final SigningService signing;
  private final AuditLog audit;
  private final DeviceConfig config;
  private final String mqttUrl;
  private final InstantSource clock;
  private final ObjectMapper json;

  DeviceRegistry(
      DataSource dataSource,
      DeviceStore devices,
      EnrollmentTokens tokens,
      HardwareClasses hardwareClasses,
      SigningService signing,
      AuditLog audit,
      DeviceConfig config,
      TandemConfig tandem,
      InstantSource clock,
      ObjectMapper json) {
    this.dataSource = dataSource;
    this.devices = devices;
    this.tokens = tokens;
    this.hardwareClasses = hardwareClasses;
    this.signing = signing;
    this.audit = audit;
    this.config = config;
    this.mqttUrl = config.mqttUrl().orElse(tandem.mqtt().url());
    this.clock = clock;
    this.json = json;
  }

  /**
   * Creates a single-use enrollment token.
   *
   * @param validFor how long it is valid; null for {@code tandem.devices.enrollment-token-ttl}
   * @throws RegistryException with {@link ErrorCode#VALIDATION_FAILED} naming the bad field
   */
  public CreatedEnrollmentToken createEnrollmentToken(
      String hardwareClass,
      List<String> groups,
      Map<String, String> tags,
      Duration validFor,
      String createdBy) {
    Duration ttl = validFor == null ? config.enrollmentTokenTtl() : validFor;
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(config.enrollmentTokenMaxTtl()) > 0) {
      throw new RegistryException(
          ErrorCode.VALIDATION_FAILED,
          "validFor must be positive and at most "
              + config.enrollmentTokenMaxTtl()
              + " (tandem.devices.enrollment-token-max-ttl), got "
              + ttl);
    }
    return tokens.create(
        hardwareClasses.require(hardwareClass, "hardwareClass"),
        Labels.groups(groups, "groups"),
        Labels.tags(tags, "tags"),
        clock.instant().plus(ttl),
        createdBy);
  }

  /**
   * Exchanges an enrollment token, exactly once, for a device identity and its credentials.
   *
   * @param secret the enrollment token
   * @param requestedId the id the device chose, or null to have one generated
   * @throws RegistryException with an {@code ENROLLMENT_TOKEN_*} code if the token is unknown,
   *     used, expired or revoked, {@link ErrorCode#DEVICE_ID_TAKEN} if the id exists (the token
   *     stays unused), {@link ErrorCode#VALIDATION_FAILED} for an invalid id
   */
  public Enrollment enroll(String secret, String requestedId) {
    if (secret == null || !secret.startsWith(Secrets.ENROLLMENT_TOKEN)) {
      throw new RegistryException(
          ErrorCode.ENROLLMENT_TOKEN_UNKNOWN,
          "the enrollment token is not known (it starts with " + Secrets.ENROLLMENT_TOKEN + ")");
    }
    String deviceId = requestedId == null ? Secrets.deviceId() : deviceId(requestedId);
    String deviceToken = Secrets.generate(Secrets.DEVICE_TOKEN);
    String mqttPassword = Secrets.generate("");
    SignedDocument root = signing.latestRoot();
    Instant now = clock.instant();
    EnrollmentToken token;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        token = tokens.claim(connection, secret, deviceId, now);
        insertDevice(connection, deviceId, token, deviceToken, mqttPassword, now);
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw RegistryException.fromSql("enrolling a device", e);
    }
    ObjectNode detail =
        JsonNodeFactory.instance
            .objectNode()
            .put("hardwareClass", token.hardwareClass())
            .put("rootVersion", root.version());
    audit.record("enrollment-token/" + token.id(), "device.enrolled", "device/" + deviceId, detail);
    return new Enrollment(
        deviceId,
        token.hardwareClass(),
        token.groups(),
        token.tags(),
        credentials(deviceId, deviceToken, mqttPassword),
        parse(root),
        root.version());
  }

  /**
   * Issues new credentials to an active device; the old token and MQTT password stop working.
   *
   * @throws RegistryException with {@link ErrorCode#NOT_FOUND} if there is no active device
   */
  public DeviceCredentials rotateCredentials(String deviceId) {
    String deviceToken = Secrets.generate(Secrets.DEVICE_TOKEN);
    String mqttPassword = Secrets.generate("");
    if (!devices.replaceCredentials(
        deviceId, Secrets.hash(deviceToken), Secrets.hash(mqttPassword), clock.instant())) {
      throw RegistryException.notFound("active device", deviceId);
    }
    return credentials(deviceId, deviceToken, mqttPassword);
  }

  /**
   * Decommissions a device: its credentials stop working for good; its record stays.
   *
   * @throws RegistryException with {@link ErrorCode#NOT_FOUND} if there is no active device
   */
  public Device decommission(String deviceId) {
    if (!devices.decommission(deviceId, clock.instant())) {
      throw RegistryException.notFound("active device", deviceId);
    }
    return devices.find(deviceId).orElseThrow();
  }

  /** Changes labels; null fields stay. */
  public Device relabel(
      String deviceId, String hardwareClass, List<String> groups, Map<String, String> tags) {
    return devices
        .relabel(
            deviceId,
            hardwareClass == null ? null : hardwareClasses.require(hardwareClass, "hardwareClass"),
            groups == null ? null : Labels.groups(groups, "groups"),
            tags == null ? null : Labels.tags(tags, "tags"))
        .orElseThrow(() -> RegistryException.notFound("device", deviceId));
  }

  /** Sets the models a device should run (model name to version). */
  public Device setDesired(String deviceId, Map<String, String> models) {
    return devices
        .setDesired(deviceId, Labels.models(models, "models"), clock.instant())
        .orElseThrow(() -> RegistryException.notFound("device", deviceId));
  }

  private void insertDevice(
      Connection connection,
      String deviceId,
      EnrollmentToken token,
      String deviceToken,
      String mqttPassword,
      Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO device (id, hardware_class, groups, tags, enrolled_at, enrolled_with,"
            + " token_sha256, mqtt_password_sha256, credentials_issued_at)"
            + " VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, deviceId);
      insert.setString(2, token.hardwareClass());
      insert.setArray(3, connection.createArrayOf("text", token.groups().toArray()));
      insert.setString(4, devices.write(token.tags()));
      insert.setTimestamp(5, Timestamp.from(now));
      insert.setObject(6, token.id());
      insert.setBytes(7, Secrets.hash(deviceToken));
      insert.setBytes(8, Secrets.hash(mqttPassword));
      insert.setTimestamp(9, Timestamp.from(now));
      if (insert.executeUpdate() == 0) {
        throw new RegistryException(
            ErrorCode.DEVICE_ID_TAKEN,
            "device id '" + deviceId + "' is taken; choose another or let the registry choose");
      }
    }
  }

  private DeviceCredentials credentials(String deviceId, String token, String mqttPassword) {
    return new DeviceCredentials(
        token, new DeviceCredentials.Mqtt(mqttUrl, deviceId, deviceId, mqttPassword));
  }

  private JsonNode parse(SignedDocument root) {
    try {
      return json.readTree(root.bytes());
    } catch (IOException e) {
      throw new IllegalStateException("stored root metadata is not JSON", e);
    }
  }

  private static String deviceId(String requested) {
    if (!DeviceId.isValid(requested)) {
      throw new RegistryException(
          ErrorCode.VALIDATION_FAILED,
          "deviceId '"
              + requested
              + "' must be 1 to "
              + DeviceId.MAX_LENGTH
              + " of A-Z, a-z, 0-9, '.', '_', '-'");
    }
    return requested;
  }
}
