/** An MQTT 5 broker (HiveMQ Community Edition, embedded). */
package dev.tandem.servers.mqtt;
