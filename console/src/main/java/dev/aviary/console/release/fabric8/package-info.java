/**
 * The Release store: Release objects (spec and status subresource) in the cluster, through the fabric8 client.
 */
package dev.aviary.console.release.fabric8;
