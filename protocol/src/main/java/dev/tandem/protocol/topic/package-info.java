/**
 * MQTT topic names: {@link dev.tandem.protocol.topic.Topics} builds and parses {@code
 * fleet/{deviceId}/{kind}} topics and shared-subscription filters; {@link
 * dev.tandem.protocol.topic.DeviceId} guarantees a device id cannot escape its topic level.
 */
package dev.tandem.protocol.topic;
