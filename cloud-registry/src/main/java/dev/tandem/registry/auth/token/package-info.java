/**
 * API tokens ({@code tdm_...}) of people and services: created, listed and revoked by admins at
 * {@code /api/v1/tokens}, stored as SHA-256 hashes, resolved to a principal and role on every
 * request. The first admin token comes from {@code tandem.auth.bootstrap-token}.
 */
package dev.tandem.registry.auth.token;
