/**
 * Request bodies and artifacts for the demo steps and the registry benchmark. The REST client they
 * use is the trainer's {@code dev.tandem.trainer.registry.RegistryApi}.
 */
package dev.tandem.sandbox.registry;
