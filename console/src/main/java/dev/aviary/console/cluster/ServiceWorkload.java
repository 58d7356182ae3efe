package dev.aviary.console.cluster;

import java.util.List;

/**
 * A managed service: the Deployments sharing an {@code app} label in one namespace, one per version, and the other
 * workloads with that label (a service may have only those, as a database has only its StatefulSet).
 *
 * @param events the newest events about the service's objects, newest first
 */
public record ServiceWorkload(String namespace, String name, List<VersionWorkload> versions, List<EventInfo> events,
                              WorkloadParts parts) {

  public ServiceWorkload {
    versions = List.copyOf(versions);
    events = List.copyOf(events);
  }

  public ServiceWorkload(String namespace, String name, List<VersionWorkload> versions, List<EventInfo> events) {
    this(namespace, name, versions, events, WorkloadParts.NONE);
  }

  /** Whether it runs versions (Deployments): only those take traffic weights and canary releases. */
  public boolean runsVersions() {
    return !versions.isEmpty();
  }

  public int ready() {
    return versions.stream().mapToInt(VersionWorkload::ready).sum();
  }

  public int desired() {
    return versions.stream().mapToInt(VersionWorkload::desired).sum();
  }
}
