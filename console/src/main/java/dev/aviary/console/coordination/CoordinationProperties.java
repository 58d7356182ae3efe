package dev.aviary.console.coordination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How several consoles share one cluster: the Lease that elects the one that leads, and the Lease that lets one
 * console write to the cluster at a time. Both live in Aviary's own namespace.
 *
 * @param namespace where the Leases live; empty: the first managed namespace
 * @param identity  this console's name in them; empty: the host name (the pod's) and a random suffix
 * @param lease     the leader election
 * @param writeLock the cluster-wide write lock
 */
@ConfigurationProperties("aviary.coordination")
public record CoordinationProperties(@DefaultValue("") String namespace, @DefaultValue("") String identity,
                                     @DefaultValue Lease lease, @DefaultValue WriteLock writeLock) {

  static final String PREFIX = "aviary.coordination";

  public CoordinationProperties {
    positive(lease.duration(), "lease.duration");
    positive(lease.renewal(), "lease.renewal");
    positive(lease.retry(), "lease.retry");
    positive(writeLock.duration(), "write-lock.duration");
    positive(writeLock.timeout(), "write-lock.timeout");
    if (!lease.renewal().minus(lease.duration()).isNegative()) {
      throw new IllegalArgumentException(PREFIX + ".lease.renewal (" + lease.renewal() + ") must be shorter than "
          + PREFIX + ".lease.duration (" + lease.duration() + ")");
    }
  }

  /**
   * @param name     the Lease's name
   * @param duration how long a leader's claim holds without renewal: a dead leader is replaced after this
   * @param renewal  how long a leader keeps trying to renew before it gives up leading
   * @param retry    how often candidates try to take the lease
   */
  public record Lease(@DefaultValue("aviary-leader") String name, @DefaultValue("15s") Duration duration,
                      @DefaultValue("10s") Duration renewal, @DefaultValue("2s") Duration retry) {
  }

  /**
   * @param name     the Lease's name
   * @param duration how long a writer's hold lasts without renewal: a console that died writing is passed after this
   * @param timeout  how long a write waits for another console's to end before it fails (and is retried)
   */
  public record WriteLock(@DefaultValue("aviary-writes") String name, @DefaultValue("15s") Duration duration,
                          @DefaultValue("30s") Duration timeout) {
  }

  private static void positive(Duration value, String name) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(PREFIX + "." + name + " must be positive, got " + value);
    }
  }
}
