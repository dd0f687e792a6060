package dev.tandem.registry.model;

import static dev.tandem.registry.model.Fixtures.createModel;
import static dev.tandem.registry.model.Fixtures.createVersion;
import static dev.tandem.registry.model.Fixtures.uniqueName;
import static dev.tandem.registry.model.Fixtures.variant;
import static dev.tandem.registry.model.Fixtures.version;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Artifact uploads and downloads against the real object store: streamed, verified, stored once,
 * and nothing left behind when the bytes are not the declared ones.
 */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class ArtifactUploadTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Inject MinioClient minio;
  @Inject DataSource database;

  @Test
  void multipartUploadIsStoredContentAddressedAndDownloadsThroughAPresignedUrl() throws Exception {
    // Larger than the test part size (5M): the store receives a multipart upload.
    byte[] artifact = Fixtures.bytes(12 * 1024 * 1024 + 17, 7);
    String sha = Fixtures.sha256(artifact);
    String model = uniqueName("up");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("savedmodel-fp32", artifact))));

    HttpResponse<String> upload = put(model, "1.0.0", "savedmodel-fp32", artifact, false);
    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
    JsonPath stored = JsonPath.from(upload.body());
    assertThat(stored.getString("sha256")).isEqualTo(sha);
    assertThat(stored.getLong("length")).isEqualTo(artifact.length);
    assertThat(stored.getBoolean("deduplicated")).isFalse();
    assertThat(keys("artifacts/sha256/" + sha)).containsExactly("artifacts/sha256/" + sha);
    assertThat(keys("staging/")).isEmpty();

    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{m}/versions/1.0.0", model)
        .then()
        .body("variants[0].uploaded", equalTo(true));
    JsonPath url =
        TestTokens.as(Roles.VIEWER)
            .get("/api/v1/models/{m}/versions/1.0.0/variants/savedmodel-fp32/download", model)
            .then()
            .statusCode(200)
            .body("sha256", equalTo(sha))
            .extract()
            .jsonPath();
    assertThat(url.getString("url")).contains("X-Amz-Signature=").contains("X-Amz-Expires=900");
    assertThat(Instant.parse(url.getString("expiresAt")))
        .isBetween(Instant.now().plusSeconds(840), Instant.now().plusSeconds(901));

    HttpResponse<byte[]> download =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url.getString("url"))).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(Fixtures.sha256(download.body())).isEqualTo(sha);
    TestTokens.as(Roles.VIEWER)
        .queryParam("target", "model/" + model + "@1.0.0/savedmodel-fp32")
        .get("/api/v1/audit")
        .then()
        .body("entries[0].action", equalTo("model.artifact.uploaded"))
        .body("entries[0].actor", equalTo("test-admin"))
        .body("entries[0].detail.sha256", equalTo(sha));
  }

  @Test
  void chunkedUploadWithoutContentLengthIsVerifiedToo() throws Exception {
    byte[] artifact = Fixtures.bytes(300_000, 8);
    String model = uniqueName("chunked");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", artifact))));

    HttpResponse<String> upload = put(model, "1.0.0", "int8", artifact, true);

    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
    assertThat(keys("artifacts/sha256/" + Fixtures.sha256(artifact))).hasSize(1);
  }

  @Test
  void wrongBytesAreRefusedWithDigestMismatchAndLeaveNothingBehind() throws Exception {
    byte[] declared = Fixtures.bytes(7 * 1024 * 1024, 9);
    byte[] sent = declared.clone();
    sent[sent.length - 1] ^= 1;
    String model = uniqueName("tampered");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", declared))));
    List<String> before = keys("");

    HttpResponse<String> upload = put(model, "1.0.0", "int8", sent, false);

    assertThat(upload.statusCode()).isEqualTo(400);
    assertThat(JsonPath.from(upload.body()).getString("code")).isEqualTo("DIGEST_MISMATCH");
    assertThat(keys("")).containsExactlyInAnyOrderElementsOf(before);
    assertNotRecorded(Fixtures.sha256(declared));
    assertNotRecorded(Fixtures.sha256(sent));
    assertNotDownloadable(model, "1.0.0", "int8");
  }

  @Test
  void shortAndLongBodiesAreRefusedWithLengthMismatchAndLeaveNothingBehind() throws Exception {
    byte[] declared = Fixtures.bytes(200_000, 10);
    String model = uniqueName("length");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", declared))));
    List<String> before = keys("");

    byte[] shorter = Arrays.copyOf(declared, declared.length - 1);
    byte[] longer = Arrays.copyOf(declared, declared.length + 1);
    for (boolean chunked : new boolean[] {false, true}) {
      for (byte[] body : List.of(shorter, longer)) {
        HttpResponse<String> upload = put(model, "1.0.0", "int8", body, chunked);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(400);
        assertThat(JsonPath.from(upload.body()).getString("code")).isEqualTo("LENGTH_MISMATCH");
      }
    }
    assertThat(keys("")).containsExactlyInAnyOrderElementsOf(before);
    assertNotRecorded(Fixtures.sha256(declared));
    assertNotRecorded(Fixtures.sha256(shorter));
    assertNotRecorded(Fixtures.sha256(longer));
    assertNotDownloadable(model, "1.0.0", "int8");
  }

  @Test
  void uploadLargerThanTheMaximumIsRefusedWith413BeforeItIsRead() throws Exception {
    byte[] declared = Fixtures.bytes(1000, 11);
    String model = uniqueName("oversize");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", declared))));
    List<String> before = keys("");

    // 16M is the test profile's tandem.registry.max-artifact-size.
    HttpResponse<String> upload =
        put(model, "1.0.0", "int8", new byte[16 * 1024 * 1024 + 1], false);

    assertThat(upload.statusCode()).as(upload.body()).isEqualTo(413);
    assertThat(JsonPath.from(upload.body()).getString("code")).isEqualTo("ARTIFACT_TOO_LARGE");
    assertThat(keys("")).containsExactlyInAnyOrderElementsOf(before);
    assertNotRecorded(Fixtures.sha256(declared));
    assertNotDownloadable(model, "1.0.0", "int8");
  }

  @Test
  void wrongBytesForContentStoredAlreadyAreRefusedAndTheStoredObjectIsUntouched() throws Exception {
    byte[] artifact = Fixtures.bytes(60_000, 13);
    String sha = Fixtures.sha256(artifact);
    String model = uniqueName("restore");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", artifact))));
    createVersion(model, version("1.0.1", List.of(variant("edge-compact", artifact))));
    assertThat(put(model, "1.0.0", "int8", artifact, false).statusCode()).isEqualTo(200);
    List<String> before = keys("");

    // Same length, one bit off: only the digest tells them apart.
    byte[] wrong = artifact.clone();
    wrong[wrong.length / 2] ^= 1;
    for (boolean chunked : new boolean[] {false, true}) {
      HttpResponse<String> upload = put(model, "1.0.1", "edge-compact", wrong, chunked);
      assertThat(upload.statusCode()).as(upload.body()).isEqualTo(400);
      assertThat(JsonPath.from(upload.body()).getString("code")).isEqualTo("DIGEST_MISMATCH");
    }

    assertThat(keys("")).containsExactlyInAnyOrderElementsOf(before);
    assertNotRecorded(Fixtures.sha256(wrong));
    try (var stored =
        minio.getObject(
            GetObjectArgs.builder()
                .bucket("tandem-models")
                .object("artifacts/sha256/" + sha)
                .build())) {
      assertThat(stored.readAllBytes()).isEqualTo(artifact);
    }
    String url =
        TestTokens.as(Roles.VIEWER)
            .get("/api/v1/models/{m}/versions/1.0.0/variants/int8/download", model)
            .then()
            .statusCode(200)
            .body("sha256", equalTo(sha))
            .extract()
            .path("url");
    HttpResponse<byte[]> download =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(artifact);
  }

  @Test
  void sameContentInTwoVariantsIsStoredOnce() throws Exception {
    byte[] artifact = Fixtures.bytes(50_000, 12);
    String model = uniqueName("dedup");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", artifact))));
    createVersion(model, version("1.0.1", List.of(variant("edge-compact", artifact))));

    assertThat(put(model, "1.0.0", "int8", artifact, false).statusCode()).isEqualTo(200);
    HttpResponse<String> second = put(model, "1.0.1", "edge-compact", artifact, false);

    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(JsonPath.from(second.body()).getBoolean("deduplicated")).isTrue();
    assertThat(keys("artifacts/sha256/" + Fixtures.sha256(artifact))).hasSize(1);
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{m}/versions/1.0.1/variants/edge-compact/download", model)
        .then()
        .statusCode(200);
  }

  @Test
  void theObjectStoreRefusesTheArtifactWithoutItsSignatureOrWithATamperedOne() throws Exception {
    byte[] artifact = Fixtures.bytes(10_000, 14);
    String model = uniqueName("private");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", artifact))));
    assertThat(put(model, "1.0.0", "int8", artifact, false).statusCode()).isEqualTo(200);
    String url =
        TestTokens.as(Roles.VIEWER)
            .get("/api/v1/models/{m}/versions/1.0.0/variants/int8/download", model)
            .then()
            .statusCode(200)
            .extract()
            .path("url");
    assertThat(get(url).statusCode()).as("the signed URL itself").isEqualTo(200);

    // The bucket is not public: the same object without the query string is refused.
    String unsigned = url.substring(0, url.indexOf('?'));
    assertThat(unsigned).endsWith("artifacts/sha256/" + Fixtures.sha256(artifact));
    HttpResponse<byte[]> anonymous = get(unsigned);
    assertThat(anonymous.statusCode()).isEqualTo(403);
    assertThat(new String(anonymous.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("AccessDenied");

    // Nor does a signature that is not the store's own get through.
    java.util.regex.Matcher signature =
        java.util.regex.Pattern.compile("X-Amz-Signature=([0-9a-f]+)").matcher(url);
    assertThat(signature.find()).isTrue();
    String hex = signature.group(1);
    String flipped = (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    String tampered =
        url.substring(0, signature.start(1)) + flipped + url.substring(signature.end(1));
    HttpResponse<byte[]> forged = get(tampered);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(new String(forged.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("SignatureDoesNotMatch");
  }

  private static HttpResponse<byte[]> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void uploadToUnknownVariantIsNotFound() throws Exception {
    String model = uniqueName("novariant");
    createModel(model);
    createVersion(model, version("1.0.0", List.of(variant("int8", new byte[] {1}))));

    HttpResponse<String> upload = put(model, "1.0.0", "fp16", new byte[] {1}, false);

    assertThat(upload.statusCode()).isEqualTo(404);
    assertThat(JsonPath.from(upload.body()).getString("code")).isEqualTo("NOT_FOUND");
  }

  @Test
  void jsonBodiesLargerThanAMegabyteAreRefused() {
    TestTokens.as(Roles.ADMIN)
        .contentType("application/json")
        .body("{\"name\":\"" + "a".repeat(1024 * 1024) + "\"}")
        .post("/api/v1/models")
        .then()
        .statusCode(413)
        .body("code", equalTo("PAYLOAD_TOO_LARGE"));
  }

  @Test
  void chunkedJsonBodiesLargerThanAMegabyteAreRefused() throws Exception {
    byte[] body =
        ("{\"name\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}")
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("%s:%d/api/v1/models".formatted(RestAssured.baseURI, RestAssured.port)))
            .header("Authorization", "Bearer " + TestTokens.of(Roles.ADMIN))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

    HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
    assertThat(JsonPath.from(answer.body()).getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
  }

  private static HttpResponse<String> put(
      String model, String version, String variant, byte[] body, boolean chunked) throws Exception {
    URI uri =
        URI.create(
            "%s:%d/api/v1/models/%s/versions/%s/variants/%s/artifact"
                .formatted(RestAssured.baseURI, RestAssured.port, model, version, variant));
    HttpRequest.BodyPublisher publisher =
        chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + TestTokens.of(Roles.ADMIN))
            .header("Content-Type", "application/octet-stream")
            .timeout(Duration.ofSeconds(60))
            .PUT(publisher)
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** No {@code artifact} row for this digest: the database does not claim the content is stored. */
  private void assertNotRecorded(String sha256) throws Exception {
    try (Connection connection = database.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT count(*) FROM artifact WHERE sha256 = ?")) {
      select.setString(1, sha256);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        assertThat(rows.getLong(1)).as("artifact rows for " + sha256).isZero();
      }
    }
  }

  private static void assertNotDownloadable(String model, String version, String variant) {
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{m}/versions/{v}/variants/{w}/download", model, version, variant)
        .then()
        .statusCode(409)
        .body("code", equalTo("ARTIFACT_NOT_UPLOADED"));
    TestTokens.as(Roles.VIEWER)
        .get("/api/v1/models/{m}/versions/{v}", model, version)
        .then()
        .body("variants[0].uploaded", equalTo(false));
  }

  private List<String> keys(String prefix) throws Exception {
    List<String> keys = new ArrayList<>();
    for (Result<Item> item :
        minio.listObjects(
            ListObjectsArgs.builder()
                .bucket("tandem-models")
                .prefix(prefix)
                .recursive(true)
                .build())) {
      keys.add(item.get().objectName());
    }
    return keys;
  }
}
