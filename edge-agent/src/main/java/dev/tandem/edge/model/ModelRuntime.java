package dev.tandem.edge.model;

import java.io.IOException;
import java.nio.file.Path;

/** Loads model artifacts of one format. */
@FunctionalInterface
public interface ModelRuntime {

  /**
   * Loads the artifact at {@code file}.
   *
   * @throws IOException if the file cannot be read
   * @throws RuntimeException (e.g. {@link IllegalArgumentException}) if it is not a valid model
   */
  LoadedModel load(Path file) throws IOException;
}
