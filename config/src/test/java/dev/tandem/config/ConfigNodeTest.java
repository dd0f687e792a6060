package dev.tandem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigNodeTest {

  @Test
  void readsTypedValuesAndRefusesUnknownKeys() {
    record Settings(String name, int count, Duration every, List<String> tags) {}
    Settings settings =
        YamlConfig.parse(
            "name: a\ncount: 3\nevery: 10s\ntags: [x, y]\n",
            root ->
                new Settings(
                    root.string("name"),
                    root.integer("count", 1, 1, 10),
                    root.duration("every", Duration.ZERO),
                    root.stringList("tags")));
    assertThat(settings).isEqualTo(new Settings("a", 3, Duration.ofSeconds(10), List.of("x", "y")));

    assertThatThrownBy(() -> YamlConfig.parse("name: a\nnmae: b\n", root -> root.string("name")))
        .isInstanceOf(ConfigError.class)
        .hasMessage("nmae: unknown key");
  }

  @Test
  void errorsNameTheKeyPathIncludingListIndices() {
    assertThatThrownBy(
            () ->
                YamlConfig.parse(
                    "outer:\n  tags: [ok, '']\n", root -> root.child("outer").stringList("tags")))
        .hasMessage("outer.tags[1]: must be a non-empty text value");
    assertThatThrownBy(
            () -> YamlConfig.parse("count: 99\n", root -> root.integer("count", 1, 1, 10)))
        .hasMessageStartingWith("count: ");
    assertThatThrownBy(() -> YamlConfig.parse("a: [\n", root -> root.string("a")))
        .hasMessageStartingWith("(file): not valid YAML");
  }

  @Test
  void keysOfAMappingCountAsRead() {
    var keys =
        YamlConfig.parse(
            "producer:\n  linger.ms: 5\n  batch.size: 10\n",
            root -> {
              var producer = root.child("producer");
              var names = producer.keys();
              producer.finish();
              return names;
            });
    assertThat(keys).containsExactly("linger.ms", "batch.size");
  }
}
