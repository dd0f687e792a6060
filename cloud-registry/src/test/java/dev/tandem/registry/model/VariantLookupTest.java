package dev.tandem.registry.model;

import static dev.tandem.registry.model.Fixtures.createModel;
import static dev.tandem.registry.model.Fixtures.createVersion;
import static dev.tandem.registry.model.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.registry.auth.Roles;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(TandemServersResource.class)
class VariantLookupTest {

  @Inject VariantLookup lookup;

  @Test
  void resolvesByVersionOrAliasTheFirstVariantThatFitsTheHardware() {
    String model = uniqueName("lookup");
    createModel(model);
    byte[] int8 = Fixtures.bytes(64, 21);
    byte[] fp32 = Fixtures.bytes(128, 22);
    createVersion(model, withHardware("1.0.0", int8, fp32));
    createVersion(model, withHardware("1.1.0", Fixtures.bytes(65, 23), fp32));
    moveAlias(model, "production", "1.0.0");

    ResolvedVariant byVersion = lookup.resolve(model, "1.0.0", "coral").orElseThrow();
    assertThat(byVersion.variant()).isEqualTo("int8");
    assertThat(byVersion.sha256()).isEqualTo(Fixtures.sha256(int8));
    assertThat(byVersion.uploaded()).isFalse();
    assertThat(lookup.resolve(model, "1.0.0", "x86-cpu").orElseThrow().variant())
        .isEqualTo("savedmodel-fp32");
    assertThat(lookup.resolve(model, "production", "coral").orElseThrow().version())
        .isEqualTo("1.0.0");

    moveAlias(model, "production", "1.1.0");

    assertThat(lookup.resolve(model, "production", "coral").orElseThrow().version())
        .as("an alias move is seen at once")
        .isEqualTo("1.1.0");
    assertThat(lookup.resolve(model, "1.0.0", "riscv")).isEmpty();
    assertThat(lookup.resolve(model, "9.9.9", "coral")).isEmpty();
    assertThat(lookup.resolve("no-such-model", "1.0.0", "coral")).isEmpty();
  }

  @Test
  void onlyAnswersByVersionWithStoredArtifactsAreKept() throws Exception {
    String model = uniqueName("cached");
    createModel(model);
    byte[] int8 = Fixtures.bytes(64, 31);
    createVersion(model, withHardware("1.0.0", int8, Fixtures.bytes(10, 32)));
    moveAlias(model, "canary", "1.0.0");
    int before = lookup.cached();

    lookup.resolve(model, "1.0.0", "coral");
    assertThat(lookup.cached()).as("not uploaded yet").isEqualTo(before);

    TestTokens.as(Roles.ADMIN)
        .contentType("application/octet-stream")
        .body(int8)
        .put("/api/v1/models/{m}/versions/1.0.0/variants/int8/artifact", model)
        .then()
        .statusCode(200);
    assertThat(lookup.resolve(model, "canary", "coral").orElseThrow().uploaded()).isTrue();
    assertThat(lookup.cached()).as("found by alias").isEqualTo(before);
    assertThat(lookup.resolve(model, "1.0.0", "coral").orElseThrow().uploaded()).isTrue();
    assertThat(lookup.cached()).isEqualTo(before + 1);
    assertThat(lookup.resolve(model, "1.0.0", "coral").orElseThrow().uploaded()).isTrue();
  }

  private static Map<String, Object> withHardware(String version, byte[] int8, byte[] fp32) {
    Map<String, Object> small = new HashMap<>(Fixtures.variant("int8", int8));
    small.put("hardwareClasses", List.of("coral", "jetson-orin"));
    Map<String, Object> large = new HashMap<>(Fixtures.variant("savedmodel-fp32", fp32));
    large.put("hardwareClasses", List.of("x86-cpu", "jetson-orin"));
    return Fixtures.version(version, List.of(small, large));
  }

  private static void moveAlias(String model, String alias, String version) {
    TestTokens.as(Roles.ADMIN)
        .contentType(ContentType.JSON)
        .body(Map.of("version", version))
        .put("/api/v1/models/{m}/aliases/{a}", model, alias)
        .then()
        .statusCode(200);
  }
}
