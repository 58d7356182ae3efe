package dev.aviary.console.health;

import dev.aviary.console.gitops.CommitInfo;

import java.util.List;
import java.util.Optional;

/**
 * A service as the overview shows it: its health and why, its versions, restarts, sync state and last change.
 *
 * @param lastChange the newest commit about the service, or null when Git has none
 */
public record ServiceHealth(String namespace, String name, Health health, List<VersionHealth> versions,
                            Restarts restarts, SyncState sync, CommitInfo lastChange) {

  public ServiceHealth {
    versions = List.copyOf(versions);
  }

  public String key() {
    return namespace + "/" + name;
  }

  public Optional<CommitInfo> change() {
    return Optional.ofNullable(lastChange);
  }
}
