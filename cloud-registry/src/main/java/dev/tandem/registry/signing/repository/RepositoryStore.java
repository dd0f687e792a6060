package dev.tandem.registry.signing.repository;

import dev.tandem.protocol.signing.metadata.MetadataType;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a {@link TufRepository} keeps every document it signed. Documents are appended, never
 * changed; each role's versions are 1, 2, 3, ... without gaps.
 */
public interface RepositoryStore {

  /** The newest root and targets. */
  Heads heads();

  /**
   * The newest root and targets, possibly a little old: for the fleet's frequent reads, which the
   * next request corrects. Changes made through this store are seen at once.
   */
  default Heads recentHeads() {
    return heads();
  }

  /** The document of {@code type} with this version, if stored. */
  Optional<SignedDocument> find(MetadataType type, long version);

  /** Every root newer than {@code version}, ascending: what a device at that root must apply. */
  List<SignedDocument> rootsAfter(long version);

  /**
   * Runs {@code work} on the current heads with every other writer (in this process or another)
   * shut out, then appends the documents it returns, all or none.
   *
   * @throws IllegalStateException if an appended document's version is not its role's head + 1
   */
  <T> T update(Function<Heads, Appended<T>> work);

  /**
   * What an update appends, and what it returns to its caller.
   *
   * @param documents the new documents, at most one per role, each the next version of its role
   * @param result the value {@link #update} returns
   */
  record Appended<T>(List<SignedDocument> documents, T result) {
    public Appended {
      documents = List.copyOf(documents);
    }

    /** Appends nothing. */
    public static <T> Appended<T> nothing(T result) {
      return new Appended<>(List.of(), result);
    }
  }
}
