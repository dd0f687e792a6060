/**
 * Rollouts hosted by the control plane: the {@code deploy} engine ({@link
 * dev.tandem.deploy.engine.RolloutEngine}) over PostgreSQL ({@link
 * dev.tandem.registry.rollout.JdbcRolloutStore}), the device registry ({@link
 * dev.tandem.registry.rollout.RegistryFleetView}) and the MQTT broker ({@link
 * dev.tandem.registry.rollout.MqttDesiredPublisher}); ticked by {@link
 * dev.tandem.registry.rollout.RolloutTicker}, fed by {@link
 * dev.tandem.registry.rollout.UpdateReportConsumer} and the fleet's state reports, and served at
 * {@code /api/v1/rollouts} by {@link dev.tandem.registry.rollout.RolloutResource}.
 */
package dev.tandem.registry.rollout;
