/**
 * The signing repository without a framework: {@link
 * dev.tandem.registry.signing.repository.TufRepository} signs root and targets metadata with the
 * protocol module's classes, re-signs before expiry, rotates keys, and keeps every version in a
 * {@link dev.tandem.registry.signing.repository.RepositoryStore} (PostgreSQL in the service).
 */
package dev.tandem.registry.signing.repository;
