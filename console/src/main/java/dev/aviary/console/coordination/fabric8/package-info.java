/**
 * Leadership and the write lock as Kubernetes Leases, through the fabric8 client.
 */
package dev.aviary.console.coordination.fabric8;
