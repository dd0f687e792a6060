package dev.tandem.nab.loop.artifact;

/**
 * An edge-model file that is a valid {@code .tedg} but not a loop forecaster this reader can run: a
 * metadata key missing or malformed, or a shape that does not match its feature spec. The message
 * names the key.
 */
public final class ForecastArtifactException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  ForecastArtifactException(String message) {
    super(message);
  }
}
