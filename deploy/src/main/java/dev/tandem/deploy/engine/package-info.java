/**
 * The rollout engine. {@link dev.tandem.deploy.engine.RolloutEngine} is the entry point: create
 * rollouts, act on them, feed it device reports, and call {@link
 * dev.tandem.deploy.engine.RolloutEngine#tick()} periodically. It is single-threaded inside (every
 * public method locks), keeps the rollouts it drives in memory, and saves each tick's changes in
 * one batch per rollout.
 */
package dev.tandem.deploy.engine;
