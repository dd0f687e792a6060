/**
 * What a rollout asks for: a model version and its variants, a device selector, and a strategy
 * (waves, thresholds, bake time, concurrency, time window, retries, deadline, health gate). Every
 * value validates itself and names the bad field in a {@link dev.tandem.deploy.spec.SpecException}.
 */
package dev.tandem.deploy.spec;
