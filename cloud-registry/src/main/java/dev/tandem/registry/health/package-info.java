/**
 * Readiness of each server the control plane depends on, at {@code /q/health/ready}: the database
 * (checked by Quarkus), the object store and Kafka. A check that fails reports DOWN with the
 * endpoint and a one-line reason; changes of state are logged once.
 */
package dev.tandem.registry.health;
