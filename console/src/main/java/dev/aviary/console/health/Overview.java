package dev.aviary.console.health;

import dev.aviary.console.cluster.ConnectionState;

import java.time.Instant;
import java.util.List;

/**
 * The on-call page's content: every service, most severe first, and how current each source behind it is.
 *
 * @param syncProblem why Git could not be compared with the cluster lately, or null
 */
public record Overview(Instant builtAt, ConnectionState cluster, Signals signals, String syncProblem,
                       List<ServiceHealth> services) {

  public Overview {
    services = List.copyOf(services);
  }
}
