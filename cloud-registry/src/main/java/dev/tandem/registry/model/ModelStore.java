package dev.tandem.registry.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.registry.error.ErrorCode;
import dev.tandem.registry.error.RegistryException;
import dev.tandem.registry.jdbc.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Models, versions and variants in PostgreSQL. */
@ApplicationScoped
public class ModelStore {
  private static final String MODEL_COLUMNS = "name, description, created_by, created_at";
  private static final String VERSION_COLUMNS =
      "v.id, m.name AS model, v.version, v.card::text AS card, v.lineage::text AS lineage,"
          + " v.created_by, v.created_at";
  private static final String VARIANT_COLUMNS =
      "w.version_id, w.name, w.format, w.hardware_classes, w.sha256, w.length,"
          + " (a.sha256 IS NOT NULL) AS uploaded";

  private final DataSource dataSource;
  private final Jdbc jdbc;
  private final ObjectMapper json;

  ModelStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.jdbc = new Jdbc(dataSource);
    this.json = json;
  }

  /**
   * Registers a model.
   *
   * @throws RegistryException {@code ALREADY_EXISTS} if one has this name
   */
  public Model createModel(String name, String description, String actor) {
    try {
      return jdbc.first(
              "registering model " + name,
              "INSERT INTO model (name, description, created_by) VALUES (?, ?, ?) RETURNING "
                  + MODEL_COLUMNS,
              insert -> {
                insert.setString(1, name);
                insert.setString(2, description == null ? "" : description);
                insert.setString(3, actor);
              },
              ModelStore::model)
          .orElseThrow(() -> new IllegalStateException("INSERT ... RETURNING returned no row"));
    } catch (RegistryException e) {
      if (e.getCause() instanceof SQLException sql
          && Jdbc.UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        throw new RegistryException(ErrorCode.ALREADY_EXISTS, "model " + name + " exists already");
      }
      throw e;
    }
  }

  /** Every model, by name. */
  public List<Model> listModels() {
    return jdbc.list(
        "listing models",
        "SELECT " + MODEL_COLUMNS + " FROM model ORDER BY name",
        Jdbc.NO_PARAMETERS,
        ModelStore::model);
  }

  /** The model with this name. */
  public Optional<Model> findModel(String name) {
    return jdbc.first(
        "reading model " + name,
        "SELECT " + MODEL_COLUMNS + " FROM model WHERE name = ?",
        select -> select.setString(1, name),
        ModelStore::model);
  }

  /**
   * Adds a version with its variants, in one transaction.
   *
   * @throws RegistryException {@code NOT_FOUND} for an unknown model or parent version, {@code
   *     ALREADY_EXISTS} if the model has this version
   */
  public ModelVersion createVersion(String model, CreateVersionRequest request, String actor) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        long modelId = modelId(connection, model);
        Long parentId = null;
        String parent = request.lineage().parentVersion();
        if (parent != null) {
          parentId =
              versionId(connection, modelId, parent)
                  .orElseThrow(
                      () ->
                          RegistryException.notFound(
                              "parent version", model + "@" + parent + " (lineage.parentVersion)"));
        }
        long versionId = insertVersion(connection, modelId, parentId, request, actor);
        for (VariantSpec variant : request.variants()) {
          insertVariant(connection, versionId, variant);
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      if (Jdbc.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new RegistryException(
            ErrorCode.ALREADY_EXISTS,
            "model " + model + " has version " + request.version() + " already");
      }
      throw RegistryException.fromSql("adding a version to model " + model, e);
    }
    return findVersion(model, request.version())
        .orElseThrow(() -> new IllegalStateException("a committed version is missing"));
  }

  /**
   * The model's versions, newest first.
   *
   * @throws RegistryException {@code NOT_FOUND} for an unknown model
   */
  public List<ModelVersion> listVersions(String model) {
    return versions(model, null);
  }

  /** One version of a model. */
  public Optional<ModelVersion> findVersion(String model, String version) {
    List<ModelVersion> found = versions(model, version);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private List<ModelVersion> versions(String model, String version) {
    String sql =
        "SELECT "
            + VERSION_COLUMNS
            + " FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.id = ?"
            + (version == null ? "" : " AND v.version = ?")
            + " ORDER BY v.id DESC";
    try (Connection connection = dataSource.getConnection()) {
      long modelId = modelId(connection, model);
      Map<Long, ResultRow> rows = new LinkedHashMap<>();
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, modelId);
        if (version != null) {
          select.setString(2, version);
        }
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            rows.put(row.getLong("id"), new ResultRow(row));
          }
        }
      }
      Map<Long, List<Variant>> variants = variants(connection, rows.keySet());
      List<ModelVersion> versions = new ArrayList<>();
      for (var entry : rows.entrySet()) {
        versions.add(entry.getValue().toVersion(variants.getOrDefault(entry.getKey(), List.of())));
      }
      return versions;
    } catch (SQLException e) {
      throw RegistryException.fromSql("reading versions of model " + model, e);
    }
  }

  /** One variant of a version. */
  public Optional<Variant> findVariant(String model, String version, String variant) {
    return findVersion(model, version)
        .orElseThrow(() -> RegistryException.notFound("version", model + "@" + version))
        .variants()
        .stream()
        .filter(v -> v.name().equals(variant))
        .findFirst();
  }

  /** The id of the model, or {@code NOT_FOUND}. */
  static long modelId(Connection connection, String model) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM model WHERE name = ?")) {
      select.setString(1, model);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          throw RegistryException.notFound("model", model);
        }
        return row.getLong(1);
      }
    }
  }

  /** The id of a version of the model. */
  static Optional<Long> versionId(Connection connection, long modelId, String version)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM model_version WHERE model_id = ? AND version = ?")) {
      select.setLong(1, modelId);
      select.setString(2, version);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
      }
    }
  }

  private long insertVersion(
      Connection connection,
      long modelId,
      Long parentId,
      CreateVersionRequest request,
      String actor)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO model_version (model_id, version, card, lineage, parent_version_id,"
                + " created_by) VALUES (?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?)"
                + " RETURNING id")) {
      insert.setLong(1, modelId);
      insert.setString(2, request.version());
      insert.setString(3, write(request.card()));
      insert.setString(4, write(request.lineage()));
      insert.setObject(5, parentId);
      insert.setString(6, actor);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static void insertVariant(Connection connection, long versionId, VariantSpec variant)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO model_variant (version_id, name, format, hardware_classes, sha256, length)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, versionId);
      insert.setString(2, variant.name());
      insert.setString(3, variant.format());
      insert.setArray(
          4, connection.createArrayOf("text", variant.hardwareClasses().toArray(String[]::new)));
      insert.setString(5, variant.sha256());
      insert.setLong(6, variant.length());
      insert.executeUpdate();
    }
  }

  private static Map<Long, List<Variant>> variants(Connection connection, Iterable<Long> versionIds)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    versionIds.forEach(ids::add);
    Map<Long, List<Variant>> variants = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return variants;
    }
    String sql =
        "SELECT "
            + VARIANT_COLUMNS
            + " FROM model_variant w LEFT JOIN artifact a ON a.sha256 = w.sha256"
            + " WHERE w.version_id = ANY (?) ORDER BY w.version_id, w.name";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          Array hardware = row.getArray("hardware_classes");
          variants
              .computeIfAbsent(row.getLong("version_id"), id -> new ArrayList<>())
              .add(
                  new Variant(
                      row.getString("name"),
                      row.getString("format"),
                      Arrays.asList((String[]) hardware.getArray()),
                      row.getString("sha256"),
                      row.getLong("length"),
                      row.getBoolean("uploaded")));
        }
      }
    }
    return variants;
  }

  private static Model model(ResultSet row) throws SQLException {
    return new Model(
        row.getString("name"),
        row.getString("description"),
        row.getString("created_by"),
        row.getTimestamp("created_at").toInstant());
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a validated record failed to serialize", e);
    }
  }

  /** A version row read before its variants. */
  private final class ResultRow {
    private final String model;
    private final String version;
    private final String card;
    private final String lineage;
    private final String createdBy;
    private final java.time.Instant createdAt;

    ResultRow(ResultSet row) throws SQLException {
      this.model = row.getString("model");
      this.version = row.getString("version");
      this.card = row.getString("card");
      this.lineage = row.getString("lineage");
      this.createdBy = row.getString("created_by");
      this.createdAt = row.getTimestamp("created_at").toInstant();
    }

    ModelVersion toVersion(List<Variant> variants) {
      try {
        return new ModelVersion(
            model,
            version,
            json.readValue(card, ModelCard.class),
            json.readValue(lineage, Lineage.class),
            variants,
            createdBy,
            createdAt);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("the database returned a malformed card or lineage", e);
      }
    }
  }
}
