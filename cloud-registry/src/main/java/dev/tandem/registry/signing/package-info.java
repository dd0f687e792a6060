/**
 * Signing in the control plane: the configured key store, the TUF repository over PostgreSQL, the
 * re-sign scheduler, and the {@code /api/v1/signing} endpoints. The framework-free parts are in
 * {@code signing.keys} and {@code signing.repository}.
 */
package dev.tandem.registry.signing;
