package dev.tandem.servers.stack;

import java.util.function.Supplier;

/** A value that is either given up front or computed once, on first use, under its own lock. */
final class Lazy<T> {
  private final Supplier<T> supplier;
  private T value;

  Lazy(T given, Supplier<T> supplier) {
    this.value = given;
    this.supplier = supplier;
  }

  synchronized T get() {
    if (value == null) {
      value = supplier.get();
    }
    return value;
  }
}
