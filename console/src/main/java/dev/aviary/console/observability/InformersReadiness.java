package dev.aviary.console.observability;

import dev.aviary.console.cluster.ClusterState;
import dev.aviary.console.cluster.ConnectionState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}): a console is not ready until its watches on the cluster
 * have synced once, so a new replica gets no browser before it can show the cluster. Once synced it stays ready when
 * the API server goes away later: every replica would lose it at once, and a stale page that says so is better than
 * no console at all.
 */
@Component("informers")
class InformersReadiness implements HealthIndicator {

  private final ClusterState cluster;
  private volatile boolean synced;

  InformersReadiness(ClusterState cluster) {
    this.cluster = cluster;
  }

  @Override
  public Health health() {
    ConnectionState connection = cluster.snapshot().connection();
    if (connection.live()) {
      synced = true;
    }
    return synced ? Health.up().build()
        : Health.outOfService().withDetail("cluster", connection.status() + ": " + connection.detail()).build();
  }
}
