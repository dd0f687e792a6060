/**
 * The set of four servers a platform run needs, each embedded or external, started together or one
 * at a time on first use.
 */
package dev.tandem.servers.stack;
