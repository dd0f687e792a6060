/**
 * Validated YAML configuration shared by Tandem's processes (edge agent, ingest): a tree that
 * remembers key paths so every error names its key, and refuses unknown keys.
 */
package dev.tandem.config;
