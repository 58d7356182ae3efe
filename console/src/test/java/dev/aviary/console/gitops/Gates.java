package dev.aviary.console.gitops;

import dev.aviary.console.cluster.ClusterWriter;
import dev.aviary.console.coordination.InMemoryWriteLock;

/** A {@link ClusterGate} for one process, with its write lock in memory. */
public final class Gates {

  private Gates() {
  }

  public static ClusterGate inMemory(GitWorkspace workspace, ClusterWriter cluster, GitProperties git) {
    return new ClusterGate(workspace, cluster, new InMemoryWriteLock(), () -> true, git);
  }
}
