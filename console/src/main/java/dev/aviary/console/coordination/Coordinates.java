package dev.aviary.console.coordination;

/**
 * Where the consoles keep what they share in the cluster (the Leases, the audit trail) and this console's name there.
 *
 * @param namespace Aviary's own namespace
 * @param identity  this console's name, unique among the running consoles
 */
public record Coordinates(String namespace, String identity) {
}
