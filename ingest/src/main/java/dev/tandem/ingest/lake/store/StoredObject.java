package dev.tandem.ingest.lake.store;

/**
 * An object listed in the store.
 *
 * @param name full object name
 * @param size bytes
 */
public record StoredObject(String name, long size) {}
