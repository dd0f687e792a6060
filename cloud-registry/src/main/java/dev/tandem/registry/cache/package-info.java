/** Small in-process caches for the control plane's hot reads. */
package dev.tandem.registry.cache;
