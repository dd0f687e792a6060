package dev.tandem.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/** Loads a YAML configuration file into a {@link ConfigNode} tree and converts it. */
public final class YamlConfig {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private YamlConfig() {}

  /**
   * Reads {@code file} and converts its root with {@code converter}, refusing keys it did not read.
   *
   * @throws ConfigError if the file is missing, not YAML, empty, or has a bad key or value
   */
  public static <T> T read(Path file, Function<ConfigNode, T> converter) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigError("--config", "file not found: " + file);
    } catch (IOException e) {
      throw new ConfigError("--config", "cannot read " + file + ": " + e.getMessage());
    }
    return parse(text, converter);
  }

  /** Parses YAML text and converts its root, refusing keys the converter did not read. */
  public static <T> T parse(String yaml, Function<ConfigNode, T> converter) {
    JsonNode tree;
    try {
      tree = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new ConfigError("(file)", "not valid YAML: " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw new ConfigError("(file)", "is empty");
    }
    ConfigNode root = ConfigNode.root(tree);
    T config = converter.apply(root);
    root.finish();
    return config;
  }
}
