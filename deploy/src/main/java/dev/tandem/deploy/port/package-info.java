/**
 * What a host gives the engine: where rollouts are kept ({@link
 * dev.tandem.deploy.port.RolloutStore}), which devices a selector targets ({@link
 * dev.tandem.deploy.port.FleetView}), and how desired state reaches devices ({@link
 * dev.tandem.deploy.port.DesiredPublisher}); and the records they exchange.
 */
package dev.tandem.deploy.port;
