/**
 * The object store that holds model artifacts: a MinIO SDK client built from {@code tandem.s3.*}
 * and the bucket it keeps, created when missing.
 */
package dev.tandem.registry.storage;
