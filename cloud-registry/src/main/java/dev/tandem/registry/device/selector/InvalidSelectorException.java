package dev.tandem.registry.device.selector;

/**
 * A selector that does not parse. The message names the position (1-based character) and what was
 * expected there.
 */
public class InvalidSelectorException extends RuntimeException {

  private final int position;

  public InvalidSelectorException(int position, String message) {
    super("selector is invalid at position " + position + ": " + message);
    this.position = position;
  }

  /** The 1-based character position of the problem. */
  public int position() {
    return position;
  }
}
