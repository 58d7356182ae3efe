package dev.aviary.console.coordination;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** The write lock for one process, for tests of the writers without a cluster to keep it in. */
public final class InMemoryWriteLock implements WriteLock {

  private final ReentrantLock lock = new ReentrantLock(true);
  private volatile String applied;
  private volatile PendingWrites pending = PendingWrites.NONE;
  private volatile boolean reachable = true;

  /** As when the API server that keeps the lock is away: every use fails. */
  public void reachable(boolean reachable) {
    this.reachable = reachable;
  }

  @Override
  public Held acquire() {
    checkReachable();
    lock.lock();
    return new Held() {
      private String newer;
      private PendingWrites nowPending;

      @Override
      public Optional<String> appliedCommit() {
        return Optional.ofNullable(applied);
      }

      @Override
      public void applied(String commit) {
        newer = commit;
      }

      @Override
      public PendingWrites pending() {
        return nowPending != null ? nowPending : pending;
      }

      @Override
      public void pending(PendingWrites writes) {
        nowPending = writes;
      }

      @Override
      public void close() {
        if (newer != null) {
          applied = newer;
        }
        if (nowPending != null) {
          pending = nowPending;
        }
        lock.unlock();
      }
    };
  }

  @Override
  public PendingWrites pending() {
    checkReachable();
    return pending;
  }

  private void checkReachable() {
    if (!reachable) {
      throw new LockUnavailableException("cannot use the cluster's write lock: connection refused", null);
    }
  }

  public Optional<String> appliedCommit() {
    return Optional.ofNullable(applied);
  }
}
