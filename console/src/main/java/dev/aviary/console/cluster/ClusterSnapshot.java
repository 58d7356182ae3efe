package dev.aviary.console.cluster;

import java.time.Instant;
import java.util.List;

/** An immutable picture of the managed workloads, as of {@code takenAt}, with the state of the watch behind it. */
public record ClusterSnapshot(Instant takenAt, ConnectionState connection, List<ServiceWorkload> services) {

  public ClusterSnapshot {
    services = List.copyOf(services);
  }
}
