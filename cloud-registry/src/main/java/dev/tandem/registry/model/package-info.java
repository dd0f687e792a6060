/**
 * The model registry: models, their versions with a model card and lineage, each version's variants
 * per hardware target with the digest and length of their artifact, and aliases such as {@code
 * production} with the history of their moves. Metadata lives in PostgreSQL; artifacts in the
 * object store (see {@link dev.tandem.registry.artifact}).
 */
package dev.tandem.registry.model;
