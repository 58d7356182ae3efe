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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Leadership through a Lease, with fabric8's leader elector: the console holding it renews it, the others wait for
 * it to expire. On shutdown the lease is released, so the next console takes over at once instead of after expiry.
 * fabric8's elector stops for good once it has lost the lead (a renewal past its deadline, another holder seen), so a
 * new one is started then: a console that lost the lead once, in an API server hiccup, must stand again, or a later
 * failover would find no candidate.
 */
final class LeaseLeadership implements Leadership, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaseLeadership.class);

  private final String identity;
  private final Supplier<LeaderElector> electors;
  private final Duration retry;
  private volatile boolean leading;
  private boolean closed;
  private CompletableFuture<?> running;

  LeaseLeadership(KubernetesClient client, String namespace, String name, String identity, Duration duration,
                  Duration renewal, Duration retry) {
    this.identity = identity;
    this.retry = retry;
    this.electors = () -> client.leaderElector().withConfig(new LeaderElectionConfigBuilder().withName(name)
        .withLock(new LeaseLock(namespace, name, identity)).withLeaseDuration(duration).withRenewDeadline(renewal)
        .withRetryPeriod(retry).withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped, leader -> { })).build()).build();
  }

  synchronized void start() {
    if (closed) {
      return;
    }
    CompletableFuture<?> elected = electors.get().start();
    running = elected;
    elected.whenComplete((done, failure) -> standAgain(elected, failure));
  }

  /** The elector ended without being closed: it lost the lead. A fresh one competes again after the retry period. */
  private void standAgain(CompletableFuture<?> ended, Throwable failure) {
    synchronized (this) {
      if (closed || ended != running) {
        return;
      }
    }
    log.info("{} stands for the lead again{}", identity, failure == null ? "" : " (" + failure.getMessage() + ")");
    CompletableFuture.delayedExecutor(retry.toMillis(), TimeUnit.MILLISECONDS).execute(this::start);
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
    CompletableFuture<?> last;
    synchronized (this) {
      closed = true;
      last = running;
    }
    if (last != null) {
      last.cancel(true);
    }
    leading = false;
  }
}
