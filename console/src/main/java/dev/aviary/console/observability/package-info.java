/**
 * The console's own health: its metrics (notices, the write lock) and its readiness while the informers sync.
 */
package dev.aviary.console.observability;
