package dev.aviary.console.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of the managed workloads, as of {@code takenAt}, with the state of the watch behind it.
 *
 * @param objects the live routing and scaling objects (Services, HPAs, VirtualServices, DestinationRules,
 *                HTTPRoutes) as plain maps, for features that read them with the same code they read manifests with
 */
public record ClusterSnapshot(Instant takenAt, ConnectionState connection, List<ServiceWorkload> services,
                              List<Map<String, Object>> objects) {

  public ClusterSnapshot {
    services = List.copyOf(services);
    objects = List.copyOf(objects);
  }
}
