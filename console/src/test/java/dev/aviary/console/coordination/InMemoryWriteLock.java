package dev.aviary.console.coordination;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/** The write lock for one process, for tests of the writers without a cluster to keep it in. */
public final class InMemoryWriteLock implements WriteLock {

  private final ReentrantLock lock = new ReentrantLock(true);
  private volatile String applied;

  @Override
  public Held acquire() {
    lock.lock();
    return new Held() {
      private String newer;

      @Override
      public Optional<String> appliedCommit() {
        return Optional.ofNullable(applied);
      }

      @Override
      public void applied(String commit) {
        newer = commit;
      }

      @Override
      public void close() {
        if (newer != null) {
          applied = newer;
        }
        lock.unlock();
      }
    };
  }

  public Optional<String> appliedCommit() {
    return Optional.ofNullable(applied);
  }
}
