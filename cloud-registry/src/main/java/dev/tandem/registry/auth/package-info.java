/**
 * Who is calling: the {@code Authorization: Bearer <token>} mechanism, the {@link
 * dev.tandem.registry.auth.Roles} of the API, and the {@link
 * dev.tandem.registry.auth.CredentialResolver} extension point through which each kind of token
 * (API tokens, device tokens) is resolved to a principal and its roles.
 */
package dev.tandem.registry.auth;
