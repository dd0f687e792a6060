/**
 * JSON for signed documents: {@link dev.tandem.protocol.json.StrictJson} parses without ambiguity
 * and {@link dev.tandem.protocol.json.CanonicalJson} produces the RFC 8785 bytes that signatures
 * cover.
 */
package dev.tandem.protocol.json;
