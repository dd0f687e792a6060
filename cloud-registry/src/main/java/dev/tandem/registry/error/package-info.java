/**
 * Errors as callers see them: every failure of the REST API answers with a JSON body {@code
 * {"code": ..., "message": ...}} whose code is one of {@link dev.tandem.registry.error.ErrorCode},
 * mapped to its HTTP status in one place, {@link dev.tandem.registry.error.ErrorMappers}. Stack
 * traces and class names stay in the server log.
 */
package dev.tandem.registry.error;
