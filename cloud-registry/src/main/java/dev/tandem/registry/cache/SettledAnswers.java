package dev.tandem.registry.cache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers that never change once they are true (a stored artifact stays stored, a version's
 * variants never change), kept so the fleet's frequent reads skip the database. Bounded: past
 * {@code limit} entries it starts again empty, which costs a few queries and never a wrong answer.
 * Only put answers that are settled; anything that may still change must be asked again.
 */
public final class SettledAnswers<K, V> {
  private final int limit;
  private final Map<K, V> answers = new ConcurrentHashMap<>();

  public SettledAnswers(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    this.limit = limit;
  }

  /** The kept answer, or null. */
  public V get(K key) {
    return answers.get(key);
  }

  /** Keeps a settled answer. */
  public void put(K key, V value) {
    if (answers.size() >= limit) {
      answers.clear();
    }
    answers.put(key, value);
  }

  /** How many answers are kept. */
  public int size() {
    return answers.size();
  }
}
