/**
 * Model artifacts in the object store, content-addressed by SHA-256 ({@code
 * artifacts/sha256/<hex>}): streaming, verified uploads through a staging object, and short-lived
 * presigned download URLs for devices, which never hold store credentials.
 */
package dev.tandem.registry.artifact;
