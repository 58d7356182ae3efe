package dev.aviary.console.coordination.fabric8;

import dev.aviary.console.coordination.Leadership;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Leadership through a Lease, with fabric8's leader elector: the console holding it renews it, the others wait for
 * it to expire. On shutdown the lease is released, so the next console takes over at once instead of after expiry.
 */
final class LeaseLeadership implements Leadership, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaseLeadership.class);

  private final String identity;
  private final LeaderElector elector;
  private volatile boolean leading;
  private CompletableFuture<?> running;

  LeaseLeadership(KubernetesClient client, String namespace, String name, String identity, Duration duration,
                  Duration renewal, Duration retry) {
    this.identity = identity;
    this.elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder().withName(name)
        .withLock(new LeaseLock(namespace, name, identity)).withLeaseDuration(duration).withRenewDeadline(renewal)
        .withRetryPeriod(retry).withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped, leader -> { })).build()).build();
  }

  void start() {
    running = elector.start();
  }

  private void started() {
    leading = true;
    log.info("{} leads now: it advances releases, tells health and drift, re-applies refused changes", identity);
  }

  private void stopped() {
    leading = false;
    log.info("{} no longer leads", identity);
  }

  @Override
  public boolean leading() {
    return leading;
  }

  @Override
  public void close() {
    if (running != null) {
      running.cancel(true);
    }
    leading = false;
  }
}
