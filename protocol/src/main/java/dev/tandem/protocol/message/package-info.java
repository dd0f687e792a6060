/**
 * Protobuf message codecs: {@link dev.tandem.protocol.message.MessageCodec} turns bytes into the
 * generated {@code dev.tandem.protocol.v1} messages and back, checking the common header; {@link
 * dev.tandem.protocol.message.SchemaVersion} holds the schema version.
 */
package dev.tandem.protocol.message;
