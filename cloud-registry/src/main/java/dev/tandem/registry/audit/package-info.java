/**
 * The audit log: who changed what, and when. The control plane records every change made through
 * its API here; operators add notes of their own and read it back at {@code /api/v1/audit}.
 */
package dev.tandem.registry.audit;
