/**
 * The rollout engine: staged model updates to a fleet, framework-free. {@code .spec} says what a
 * rollout wants, {@code .state} holds its state machines, {@code .health} its quality gates, {@code
 * .port} the interfaces a host implements (store, fleet, desired-state publisher), and {@code
 * .engine} drives it all, one tick at a time.
 */
package dev.tandem.deploy;
