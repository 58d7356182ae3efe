package dev.aviary.console.gitops;

import java.time.Instant;
import java.util.List;

/**
 * How the cluster compares with Git's head, per service.
 *
 * @param commit    Git's head that was compared
 * @param services  one entry per service ({@code app} label; namespace-wide objects under "platform")
 */
public record SyncStatus(String commit, Instant checkedAt, List<Service> services) {

  /**
   * An object that differs from Git: missing from the cluster, left in it after Git dropped it ({@code orphan}, one
   * Aviary applied), or with the fields that differ.
   */
  public record ObjectDrift(String kind, String name, String file, boolean missing, boolean orphan,
                            List<ManifestDiff.Field> fields) {

    public String describe() {
      return kind + " " + name + (missing ? ": missing from the cluster" : orphan ? ": in the cluster, no longer in Git"
          : ": " + fields.stream()
          .map(f -> f.path() + " is " + f.live() + " in the cluster, " + f.desired() + " in Git")
          .reduce((a, b) -> a + "; " + b).orElse(""));
    }
  }

  public record Service(String name, List<ObjectDrift> drifts) {

    public boolean synced() {
      return drifts.isEmpty();
    }
  }

  public boolean synced() {
    return services.stream().allMatch(Service::synced);
  }
}
