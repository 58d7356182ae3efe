/**
 * The cluster as the console sees it: live snapshots of workloads, pods and events
 * ({@link dev.aviary.console.cluster.ClusterState}), the connection's state, and
 * {@link dev.aviary.console.cluster.ClusterWriter}, the port every apply goes through (called only by
 * {@code gitops}' ordered way to the cluster). {@code fabric8} holds the adapters.
 */
package dev.aviary.console.cluster;
