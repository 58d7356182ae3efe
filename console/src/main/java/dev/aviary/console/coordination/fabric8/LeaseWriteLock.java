package dev.aviary.console.coordination.fabric8;

import dev.aviary.console.Background;
import dev.aviary.console.coordination.PendingWrites;
import dev.aviary.console.coordination.WriteLock;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The write lock as a Lease: taken and released by conditional updates (the API server answers 409 to the loser),
 * renewed while held, and passed over once its holder has not renewed it for its duration, as observed here (not by
 * the holder's clock). The newest applied commit is an annotation on the same Lease, written on release.
 */
final class LeaseWriteLock implements WriteLock, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaseWriteLock.class);
  /** How long a console that finds the lock free leaves it to the one named next. */
  static final Duration DEFER_AT_MOST = Duration.ofSeconds(1);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;
  private final String identity;
  private final Duration duration;
  private final Duration timeout;
  private final Clock clock;
  private final ScheduledExecutorService renewals = Background.singleThread("write-lock-renewal");

  LeaseWriteLock(KubernetesClient client, String namespace, String name, String identity, Duration duration,
                 Duration timeout, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
    this.identity = identity;
    this.duration = duration;
    this.timeout = timeout;
    this.clock = clock;
  }

  @Override
  public Held acquire() {
    Instant deadline = clock.instant().plus(timeout);
    String seenVersion = "";
    Instant seenAt = clock.instant();
    NextInLine queue = new NextInLine();
    long backoff = 5;
    while (true) {
      Lease lease = read();
      Optional<Lease> taken;
      if (lease == null) {
        taken = create();
      } else {
        String version = lease.getMetadata().getResourceVersion();
        if (!version.equals(seenVersion)) {
          seenVersion = version;
          seenAt = clock.instant();
        }
        boolean free = holder(lease).isEmpty() || !seenAt.plus(duration).isAfter(clock.instant());
        if (free) {
          taken = queue.deferTo(lease) ? Optional.empty() : take(lease);
        } else {
          queue.joinBehind(lease);
          taken = Optional.empty();
        }
      }
      if (taken.isPresent()) {
        return new LeaseHold(taken.get());
      }
      if (clock.instant().isAfter(deadline)) {
        throw new LockUnavailableException("another console is writing to the cluster: the write lock (Lease "
            + namespace + "/" + name + ") is held by " + (lease == null ? "someone" : holder(lease)) + " since "
            + (lease == null ? "just now" : lease.getSpec().getAcquireTime()) + "; waited " + timeout, null);
      }
      sleep(backoff);
      // Short: a waiting console should notice a release at once; it asks only while it waits.
      backoff = Math.min(backoff * 2, 25);
    }
  }

  @Override
  public PendingWrites pending() {
    Lease lease = read();
    return lease == null ? PendingWrites.NONE : WriteLockRecord.pending(lease);
  }

  private Lease read() {
    try {
      return client.leases().inNamespace(namespace).withName(name).get();
    } catch (KubernetesClientException e) {
      throw unreachable(e);
    }
  }

  private Optional<Lease> create() {
    Instant now = clock.instant();
    Lease lease = new LeaseBuilder().withNewMetadata().withName(name).withNamespace(namespace)
        .addToLabels("app.kubernetes.io/name", "aviary").endMetadata()
        .withNewSpec().withHolderIdentity(identity).withLeaseDurationSeconds((int) duration.toSeconds())
        .withAcquireTime(micro(now)).withRenewTime(micro(now)).withLeaseTransitions(0).endSpec().build();
    return conditionally(() -> client.leases().inNamespace(namespace).resource(lease).create());
  }

  /**
   * Fairness between consoles: one that had to wait names itself next on the Lease, and a console that finds the
   * lock free while another is named next leaves it to that one (for a second at most, in case it has gone).
   * Without it, a console writing back to back takes the lock again before the waiting one looks.
   */
  private final class NextInLine {
    private String deferringTo = "";
    private Instant since = Instant.MIN;

    boolean deferTo(Lease lease) {
      String next = WriteLockRecord.next(lease);
      if (next.isEmpty() || next.equals(identity)) {
        return false;
      }
      if (!next.equals(deferringTo)) {
        deferringTo = next;
        since = clock.instant();
      }
      return since.plus(DEFER_AT_MOST).isAfter(clock.instant());
    }

    void joinBehind(Lease lease) {
      if (WriteLockRecord.next(lease).isEmpty()) {
        WriteLockRecord.next(lease, identity);
        conditionally(() -> client.leases().inNamespace(namespace).resource(lease).update());
      }
    }
  }

  private Optional<Lease> take(Lease lease) {
    WriteLockRecord.next(lease, "");
    Instant now = clock.instant();
    lease.getSpec().setHolderIdentity(identity);
    lease.getSpec().setLeaseDurationSeconds((int) Math.max(1, duration.toSeconds()));
    lease.getSpec().setAcquireTime(micro(now));
    lease.getSpec().setRenewTime(micro(now));
    Integer transitions = lease.getSpec().getLeaseTransitions();
    lease.getSpec().setLeaseTransitions(transitions == null ? 1 : transitions + 1);
    return conditionally(() -> client.leases().inNamespace(namespace).resource(lease).update());
  }

  /** The write, or empty when another console's write came first (409). */
  private Optional<Lease> conditionally(java.util.function.Supplier<Lease> write) {
    try {
      return Optional.of(write.get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        return Optional.empty();
      }
      throw unreachable(e);
    }
  }

  private LockUnavailableException unreachable(KubernetesClientException e) {
    return new LockUnavailableException("cannot use the cluster's write lock (Lease " + namespace + "/" + name
        + "): " + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
        : e.getMessage()), e);
  }

  private static String holder(Lease lease) {
    String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    return holder == null ? "" : holder;
  }

  private static ZonedDateTime micro(Instant at) {
    return at.atZone(ZoneOffset.UTC);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockUnavailableException("interrupted while waiting for the cluster's write lock", e);
    }
  }

  @Override
  public void close() {
    renewals.shutdownNow();
  }

  /** This console's hold: renewed every third of the duration until closed. */
  private final class LeaseHold implements Held {

    private Lease lease;
    private String applied;
    private PendingWrites pending;
    private final ScheduledFuture<?> renewal;

    LeaseHold(Lease lease) {
      this.lease = lease;
      long every = Math.max(1, duration.toMillis() / 3);
      this.renewal = renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized Optional<String> appliedCommit() {
      return WriteLockRecord.appliedCommit(lease);
    }

    @Override
    public synchronized PendingWrites pending() {
      return pending != null ? pending : WriteLockRecord.pending(lease);
    }

    @Override
    public synchronized void pending(PendingWrites pending) {
      this.pending = pending;
    }

    @Override
    public synchronized void applied(String commit) {
      applied = commit;
    }

    private synchronized void renew() {
      try {
        lease.getSpec().setRenewTime(micro(clock.instant()));
        Optional<Lease> renewed = conditionally(() -> client.leases().inNamespace(namespace).resource(lease).update());
        if (renewed.isEmpty()) {
          // A waiting console named itself next meanwhile: renew what the Lease is now, if it is still ours.
          Lease now = read();
          if (now != null && identity.equals(holder(now))) {
            now.getSpec().setRenewTime(micro(clock.instant()));
            renewed = conditionally(() -> client.leases().inNamespace(namespace).resource(now).update());
          }
        }
        renewed.ifPresent(l -> lease = l);
      } catch (KubernetesClientException | LockUnavailableException e) {
        log.warn("could not renew the cluster's write lock (Lease {}/{}) while writing: {}", namespace, name,
            e.getMessage());
      }
    }

    @Override
    public void close() {
      renewal.cancel(false);
      synchronized (this) {
        for (int attempt = 0; attempt < 3; attempt++) {
          if (!identity.equals(holder(lease))) {
            log.error("this console lost the cluster's write lock (Lease {}/{}) while writing: it did not renew "
                + "it for {}; {} was not recorded as applied, nor {} as pending", namespace, name, duration, applied,
                pending);
            return;
          }
          WriteLockRecord.store(lease, applied, pending);
          lease.getSpec().setHolderIdentity(null);
          try {
            lease = client.leases().inNamespace(namespace).resource(lease).update();
            return;
          } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
              log.warn("could not release the cluster's write lock (Lease {}/{}); it passes to the next writer "
                  + "after {}: {}", namespace, name, duration, e.getMessage());
              return;
            }
            lease = read();
            if (lease == null) {
              return;
            }
          }
        }
      }
    }
  }
}
