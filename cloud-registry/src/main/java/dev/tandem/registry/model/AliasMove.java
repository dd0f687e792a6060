package dev.tandem.registry.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One move of an alias.
 *
 * @param fromVersion where it pointed before; {@code null} when the move created it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AliasMove(
    long id, String alias, String fromVersion, String toVersion, String movedBy, Instant movedAt) {}
