package dev.tandem.registry.device.selector;

import java.util.Objects;
import java.util.Optional;

/**
 * What a selector requirement looks at.
 *
 * @param kind the device property
 * @param tagKey for {@link Kind#TAG}: the tag key, otherwise empty
 */
public record SelectorField(Kind kind, Optional<String> tagKey) {

  /** The device properties a selector can look at, by their name in the syntax. */
  public enum Kind {
    ID("id"),
    HARDWARE("hardware"),
    GROUP("group"),
    TAG("tag"),
    STATUS("status"),
    ONLINE("online"),
    DRIFTED("drifted");

    private final String name;

    Kind(String name) {
      this.name = name;
    }

    /** The name in selector syntax. */
    public String syntaxName() {
      return name;
    }
  }

  public SelectorField {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tagKey, "tagKey");
    if ((kind == Kind.TAG) != tagKey.isPresent()) {
      throw new IllegalArgumentException("a tag key is given for tag fields and only for them");
    }
  }

  /** A field other than a tag. */
  public static SelectorField of(Kind kind) {
    return new SelectorField(kind, Optional.empty());
  }

  /** The tag {@code key}. */
  public static SelectorField tag(String key) {
    return new SelectorField(Kind.TAG, Optional.of(key));
  }

  @Override
  public String toString() {
    return kind == Kind.TAG ? "tag." + tagKey.orElseThrow() : kind.syntaxName();
  }
}
