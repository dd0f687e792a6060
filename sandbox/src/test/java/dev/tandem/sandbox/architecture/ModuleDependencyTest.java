package dev.tandem.sandbox.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The direction of dependencies between Tandem's Maven modules, read from every module's POM, so it
 * holds for modules this test's classpath does not contain (the Quarkus control plane).
 */
class ModuleDependencyTest {
  private static final Set<String> CLOUD =
      Set.of("tandem-ingest", "tandem-trainer", "tandem-deploy", "tandem-cloud-registry");

  private static List<ModuleDependency> dependencies;

  record ModuleDependency(String from, String to, String scope) {}

  @BeforeAll
  static void readPoms() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    var parent = parse(root.resolve("pom.xml"));
    dependencies = new ArrayList<>();
    var modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      Path pom = root.resolve(modules.item(i).getTextContent()).resolve("pom.xml");
      var project = parse(pom);
      String artifact = directChild(project, "artifactId");
      var deps = project.getElementsByTagName("dependency");
      for (int d = 0; d < deps.getLength(); d++) {
        var dep = (Element) deps.item(d);
        if ("dev.tandem".equals(directChild(dep, "groupId"))) {
          String scope = directChild(dep, "scope");
          dependencies.add(
              new ModuleDependency(
                  artifact, directChild(dep, "artifactId"), scope == null ? "compile" : scope));
        }
      }
    }
    assertThat(dependencies).as("POMs were read").isNotEmpty();
  }

  @Test
  void protocolDependsOnNothingOfOurs() {
    assertThat(from("tandem-protocol")).isEmpty();
  }

  @Test
  void edgeModelDependsOnNothingOfOurs() {
    assertThat(from("tandem-edge-model")).isEmpty();
  }

  @Test
  void embeddedServersDependOnTheContractsAlone() {
    // The broker's login extension enforces the fleet's topic contract, which protocol holds.
    assertThat(from("tandem-servers"))
        .extracting(ModuleDependency::to)
        .containsOnly("tandem-protocol");
  }

  @Test
  void mqttClientDependsOnNothingOfOursOutsideItsTests() {
    // The bridge and the control plane share it: it must not pull either one's code in.
    assertThat(from("tandem-mqtt-client"))
        .allSatisfy(d -> assertThat(d.scope()).as("mqtt-client -> " + d.to()).isEqualTo("test"));
  }

  @Test
  void edgeAgentNeverDependsOnCloudModules() {
    assertThat(from("tandem-edge-agent"))
        .extracting(ModuleDependency::to)
        .doesNotContainAnyElementsOf(CLOUD)
        .doesNotContain("tandem-servers");
  }

  @Test
  void nothingDependsOnTheSandbox() {
    assertThat(dependencies).filteredOn(d -> d.to().equals("tandem-sandbox")).isEmpty();
  }

  @Test
  void theTestKitIsOnlyEverATestDependency() {
    assertThat(dependencies)
        .filteredOn(d -> d.to().equals("tandem-test-kit"))
        .allSatisfy(d -> assertThat(d.scope()).as(d.from() + " -> test-kit").isEqualTo("test"));
  }

  private static Set<ModuleDependency> from(String module) {
    return dependencies.stream().filter(d -> d.from().equals(module)).collect(Collectors.toSet());
  }

  private static Element parse(Path pom) throws Exception {
    assertThat(pom).exists();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (var in = Files.newInputStream(pom)) {
      return factory.newDocumentBuilder().parse(in).getDocumentElement();
    }
  }

  private static String directChild(Element element, String name) {
    for (var node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && child.getTagName().equals(name)) {
        return child.getTextContent().trim();
      }
    }
    return null;
  }
}
