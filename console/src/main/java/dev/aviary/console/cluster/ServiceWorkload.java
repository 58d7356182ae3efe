package dev.aviary.console.cluster;

import java.util.List;

/**
 * A managed service: the Deployments sharing an {@code app} label in one namespace, one per version.
 *
 * @param events the newest events about the service's Deployments, ReplicaSets, pods and autoscalers, newest first
 */
public record ServiceWorkload(String namespace, String name, List<VersionWorkload> versions, List<EventInfo> events) {

  public ServiceWorkload {
    versions = List.copyOf(versions);
    events = List.copyOf(events);
  }

  public int ready() {
    return versions.stream().mapToInt(VersionWorkload::ready).sum();
  }

  public int desired() {
    return versions.stream().mapToInt(VersionWorkload::desired).sum();
  }
}
