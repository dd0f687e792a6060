/**
 * Request bodies, artifacts and device enrollment for the demo steps and the benchmarks. The REST
 * client they use is the trainer's {@code dev.tandem.trainer.registry.RegistryApi}.
 */
package dev.tandem.sandbox.registry;
