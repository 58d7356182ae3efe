package dev.aviary.console.cluster;

import java.util.function.Consumer;

/** The live, read-only view of the managed namespaces that the console's pages are built from. */
public interface ClusterState {

  ClusterInfo info();

  /** The latest snapshot; never blocks on the cluster. */
  ClusterSnapshot snapshot();

  /**
   * Calls the listener with every new snapshot, on a background thread, until the returned handle is closed.
   * Bursts of cluster events are coalesced into one snapshot.
   */
  Subscription subscribe(Consumer<ClusterSnapshot> listener);

  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
