package dev.tandem.registry.signing.repository;

import dev.tandem.protocol.signing.metadata.MetadataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link RepositoryStore} in memory with the same append rules as the JDBC one, for unit tests.
 */
final class InMemoryRepositoryStore implements RepositoryStore {

  private final List<SignedDocument> documents = new ArrayList<>();

  @Override
  public synchronized Heads heads() {
    return new Heads(latest(MetadataType.ROOT), latest(MetadataType.TARGETS));
  }

  @Override
  public synchronized Optional<SignedDocument> find(MetadataType type, long version) {
    return documents.stream().filter(d -> d.type() == type && d.version() == version).findFirst();
  }

  @Override
  public synchronized List<SignedDocument> rootsAfter(long version) {
    return documents.stream()
        .filter(d -> d.type() == MetadataType.ROOT && d.version() > version)
        .toList();
  }

  @Override
  public synchronized <T> T update(Function<Heads, Appended<T>> work) {
    Heads heads = heads();
    Appended<T> appended = work.apply(heads);
    for (SignedDocument document : appended.documents()) {
      Optional<SignedDocument> head =
          document.type() == MetadataType.ROOT ? heads.root() : heads.targets();
      long expected = head.map(SignedDocument::version).orElse(0L) + 1;
      if (document.version() != expected) {
        throw new IllegalStateException("version " + document.version() + " is not " + expected);
      }
    }
    documents.addAll(appended.documents());
    return appended.result();
  }

  synchronized int size() {
    return documents.size();
  }

  private Optional<SignedDocument> latest(MetadataType type) {
    SignedDocument newest = null;
    for (SignedDocument d : documents) {
      if (d.type() == type && (newest == null || d.version() > newest.version())) {
        newest = d;
      }
    }
    return Optional.ofNullable(newest);
  }
}
