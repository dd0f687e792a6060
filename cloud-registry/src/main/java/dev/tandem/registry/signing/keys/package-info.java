/**
 * Private signing keys behind {@link dev.tandem.registry.signing.keys.SigningBackend}: sign by key
 * id, never hand a key out. {@link dev.tandem.registry.signing.keys.PassphraseKeyStore} keeps
 * Ed25519 keys in a passphrase-protected file; a KMS or HSM backend implements the same interface.
 */
package dev.tandem.registry.signing.keys;
