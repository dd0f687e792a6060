package dev.tandem.nab.corpus;

/** A corpus file cannot be used at all (missing, unreadable, no header, malformed JSON). */
public final class CorpusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CorpusException(String message) {
    super(message);
  }

  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
