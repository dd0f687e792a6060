/**
 * The device registry: enrollment tokens and the one-time exchange for a device identity, device
 * credentials (resolved by {@link dev.tandem.registry.device.DeviceCredentialResolver}), labels,
 * desired models and drift, and the endpoints devices call about themselves.
 */
package dev.tandem.registry.device;
