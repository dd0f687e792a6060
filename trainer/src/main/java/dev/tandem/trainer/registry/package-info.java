/**
 * Registration with the control plane's REST API: a small JSON client ({@link
 * dev.tandem.trainer.registry.RegistryApi}), the model card and lineage bodies, and the
 * all-or-nothing registration of a version with its variants.
 */
package dev.tandem.trainer.registry;
