package dev.tandem.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.tandem.registry.audit.AuditEntries;
import dev.tandem.registry.auth.TestTokens;
import dev.tandem.testkit.TandemServersResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/devices?selector=...} applied in PostgreSQL, and device updates. */
@QuarkusTest
@WithTestResource(TandemServersResource.class)
class DeviceSelectorTest {

  /** A site tag unique to each test, so that devices of other tests never match. */
  private String site;

  @BeforeEach
  void enrollFleet() {
    site = "s" + UUID.randomUUID().toString().substring(0, 8);
    Devices.enroll(site + "-a", "jetson-orin", List.of("line-1"), Map.of("site", site));
    Devices.enroll(
        site + "-b", "jetson-orin", List.of("line-2"), Map.of("site", site, "owner", "qa"));
    Devices.enroll(site + "-c", "coral", List.of("line-1", "lab"), Map.of("site", site));
    Devices.enroll(site + "-d", "x86-cpu", List.of(), Map.of("site", site, "retired", "yes"));
  }

  private List<String> select(String selector) {
    return TestTokens.as("viewer")
        .queryParam("selector", "tag.site=" + site + "," + selector)
        .get("/api/v1/devices")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("devices.id", String.class);
  }

  @Test
  void selectorsFilterByHardwareGroupsAndTags() {
    assertThat(select("hardware=jetson-orin")).containsExactly(site + "-a", site + "-b");
    assertThat(select("hardware=jetson-orin,group=line-1")).containsExactly(site + "-a");
    assertThat(select("group in (line-2,lab)")).containsExactly(site + "-b", site + "-c");
    assertThat(select("group notin (line-1)")).containsExactly(site + "-b", site + "-d");
    assertThat(select("group!=lab,hardware!=x86-cpu")).containsExactly(site + "-a", site + "-b");
    assertThat(select("tag.owner")).containsExactly(site + "-b");
    assertThat(select("!tag.retired,!tag.owner")).containsExactly(site + "-a", site + "-c");
    assertThat(select("tag.owner notin (qa)"))
        .containsExactly(site + "-a", site + "-c", site + "-d");
    assertThat(select("hardware in (coral,x86-cpu),online=false"))
        .containsExactly(site + "-c", site + "-d");
    assertThat(select("id=" + site + "-d,status=active,drifted=false"))
        .containsExactly(site + "-d");
  }

  @Test
  void pagesFollowTheNextId() {
    var first =
        TestTokens.as("viewer")
            .queryParam("selector", "tag.site=" + site)
            .queryParam("limit", 3)
            .get("/api/v1/devices")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(first.getList("devices.id")).hasSize(3);
    TestTokens.as("viewer")
        .queryParam("selector", "tag.site=" + site)
        .queryParam("after", first.getString("next"))
        .get("/api/v1/devices")
        .then()
        .statusCode(200)
        .body("devices.id", org.hamcrest.Matchers.contains(site + "-d"))
        .body("next", org.hamcrest.Matchers.nullValue());
  }

  @Test
  void aBadSelectorIsRefusedNamingThePosition() {
    TestTokens.as("viewer")
        .queryParam("selector", "hardware=coral,grup=line-1")
        .get("/api/v1/devices")
        .then()
        .statusCode(400)
        .body("code", equalTo("INVALID_SELECTOR"))
        .body("message", containsString("position 16"))
        .body("message", containsString("unknown field 'grup'"));
  }

  @Test
  void operatorsRelabelDevicesAndSelectorsSeeIt() {
    TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("groups", List.of("line-9", "lab"), "tags", Map.of("site", site, "new", "1")))
        .patch("/api/v1/devices/" + site + "-a")
        .then()
        .statusCode(200)
        .body("groups", org.hamcrest.Matchers.contains("lab", "line-9"))
        .body("hardwareClass", equalTo("jetson-orin"));

    assertThat(select("group=line-9,tag.new=1")).containsExactly(site + "-a");
    TestTokens.as("viewer")
        .contentType(ContentType.JSON)
        .body(Map.of("groups", List.of()))
        .patch("/api/v1/devices/" + site + "-a")
        .then()
        .statusCode(403);
    TestTokens.as("operator")
        .contentType(ContentType.JSON)
        .body(Map.of("hardwareClass", "abacus"))
        .patch("/api/v1/devices/" + site + "-a")
        .then()
        .statusCode(400)
        .body("message", containsString("hardwareClass 'abacus'"));
    String device = "device/" + site + "-a";
    AuditEntries.assertRecorded(device, "device.relabelled", "test-operator");
    assertThat(AuditEntries.about(device))
        .as("the refused relabellings are not recorded")
        .extracting(e -> e.get("action"))
        .containsExactly("device.relabelled", "device.enrolled");
  }
}
