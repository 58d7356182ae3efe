/**
 * The cluster adapters: informers that keep lean copies of what the pages use, the snapshot assembled from them,
 * and server-side apply through the fabric8 client.
 */
package dev.aviary.console.cluster.fabric8;
