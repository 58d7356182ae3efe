package dev.aviary.console.cluster;

import java.util.List;

/** A managed service: the Deployments sharing an {@code app} label in one namespace, one per version. */
public record ServiceWorkload(String namespace, String name, List<VersionWorkload> versions) {

  public ServiceWorkload {
    versions = List.copyOf(versions);
  }

  public int ready() {
    return versions.stream().mapToInt(VersionWorkload::ready).sum();
  }

  public int desired() {
    return versions.stream().mapToInt(VersionWorkload::desired).sum();
  }
}
