package dev.tandem.sandbox.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Reads a sandbox configuration file ({@code key = value} lines, Java properties syntax). */
public final class SettingsFile {
  private SettingsFile() {}

  /**
   * @throws ConfigException if the file is missing or unreadable
   */
  public static Map<String, String> read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("--config: file not found: " + file);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("--config: cannot read " + file + ": " + e.getMessage());
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
    return values;
  }
}
