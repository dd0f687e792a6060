/**
 * The contracts Tandem devices and the cloud share: message schemas ({@code .message}), MQTT topics
 * ({@code .topic}), canonical JSON ({@code .json}) and TUF-style signed metadata ({@code
 * .signing}). Every refusal is a {@link dev.tandem.protocol.ProtocolException} with a {@link
 * dev.tandem.protocol.ProtocolErrorCode}.
 */
package dev.tandem.protocol;
