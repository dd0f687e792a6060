/**
 * Quality gates: health of the devices on the new version against those still on the old one, from
 * the monotonic counters in device state reports ({@link dev.tandem.deploy.health.HealthCounters}),
 * as deltas per cohort ({@link dev.tandem.deploy.health.CohortStats}), judged by {@link
 * dev.tandem.deploy.health.HealthGate}.
 */
package dev.tandem.deploy.health;
