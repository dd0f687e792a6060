/**
 * The cloud services' MQTT 5 client to the fleet broker, built one way: it reconnects by itself,
 * uses TLS for {@code ssl://} URLs, logs in when given a user name, and tells its caller when it
 * connects and when it loses the broker unexpectedly. Logging is left to the caller.
 */
package dev.tandem.mqtt.client;
