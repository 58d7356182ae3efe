package dev.aviary.console.coordination;

import java.util.Optional;

/**
 * Lets one console at a time write to the cluster, however many run, and remembers the newest Git commit whose
 * state any of them applied, so that a console with an older view of Git can tell before it writes, and the writes
 * the cluster did not take, so that whichever console leads tries them again.
 */
public interface WriteLock {

  /**
   * Waits until this console holds the lock (at most {@code aviary.coordination.write-lock.timeout}).
   *
   * @throws LockUnavailableException when another console kept it for all that time, or the cluster cannot be asked
   */
  Held acquire();

  /** The writes waiting to be tried again, as last stored; read without taking the lock. */
  PendingWrites pending();

  /** The lock, held until closed. */
  interface Held extends AutoCloseable {

    /** The newest commit whose state was applied to the cluster, by any console; empty before the first. */
    Optional<String> appliedCommit();

    /** Records, on release, that the state of {@code commit} has been (at least partly) applied. */
    void applied(String commit);

    /** The writes waiting to be tried again. */
    PendingWrites pending();

    /** Replaces the writes waiting to be tried again, stored on release. */
    void pending(PendingWrites pending);

    /** Releases the lock, storing the applied commit. */
    @Override
    void close();
  }

  /** The lock could not be had: the write did not happen, and may be tried again. */
  class LockUnavailableException extends RuntimeException {
    public LockUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
