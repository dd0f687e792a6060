/**
 * Tandem's control plane, a Quarkus service: the model and device registry, its REST API under
 * {@code /api/v1}, and the audit log of every change. Packages are cut by feature: {@code .config},
 * {@code .storage} (the object store), {@code .kafka}, {@code .health} (readiness of each
 * dependency), {@code .error} (stable error codes and their HTTP mapping), {@code .audit} and
 * {@code .api}.
 */
package dev.tandem.registry;
