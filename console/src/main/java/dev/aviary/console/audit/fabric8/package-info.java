/**
 * The audit store as AuditEntry objects in Aviary's namespace, through the fabric8 client.
 */
package dev.aviary.console.audit.fabric8;
