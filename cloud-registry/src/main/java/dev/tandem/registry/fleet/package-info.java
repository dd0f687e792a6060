/**
 * Fleet state: device state reports consumed from Kafka ({@link
 * dev.tandem.registry.fleet.FleetStateConsumer}) and the fleet summary of online, offline and
 * drifted devices.
 */
package dev.tandem.registry.fleet;
