package dev.aviary.console.health;

import dev.aviary.console.gitops.CommitInfo;

import java.util.List;
import java.util.Optional;

/**
 * A service as the overview shows it: its health and why, its versions, restarts, sync state and last change.
 *
 * @param lastChange the newest commit about the service, or null when Git has none
 * @param parts      its workloads besides Deployments (StatefulSets, volume claims, ...), each with its health
 */
public record ServiceHealth(String namespace, String name, Health health, List<VersionHealth> versions,
                            Restarts restarts, SyncState sync, CommitInfo lastChange, List<PartHealth> parts) {

  public ServiceHealth {
    versions = List.copyOf(versions);
    parts = List.copyOf(parts);
  }

  public ServiceHealth(String namespace, String name, Health health, List<VersionHealth> versions, Restarts restarts,
                       SyncState sync, CommitInfo lastChange) {
    this(namespace, name, health, versions, restarts, sync, lastChange, List.of());
  }

  public String key() {
    return namespace + "/" + name;
  }

  public Optional<CommitInfo> change() {
    return Optional.ofNullable(lastChange);
  }
}
