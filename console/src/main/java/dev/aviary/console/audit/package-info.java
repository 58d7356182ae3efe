/**
 * Who did what, kept: {@link dev.aviary.console.audit.AuditLog} writes every operator action (a log line and an
 * entry in the shared store), {@link dev.aviary.console.audit.AuditRetention} trims the store on the leader, and the
 * Audit page reads it. {@code fabric8} holds the store as AuditEntry objects in the cluster.
 */
package dev.aviary.console.audit;
