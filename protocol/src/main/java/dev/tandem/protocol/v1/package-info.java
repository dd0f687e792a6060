/**
 * Protocol Buffers messages of schema package {@code tandem.v1}, generated at build time from
 * {@code src/main/protobuf/tandem/v1/*.proto}. Decode and encode them through {@link
 * dev.tandem.protocol.message.MessageCodec}, which checks the common {@link
 * dev.tandem.protocol.v1.Header}.
 */
package dev.tandem.protocol.v1;
