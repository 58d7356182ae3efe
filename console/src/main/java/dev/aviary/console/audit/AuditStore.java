package dev.aviary.console.audit;

import java.util.List;

/**
 * Where the audit trail is kept so that every console shows every console's entries and they outlive a restart.
 * Entries are named by the console that wrote them, so writing one again (after a timeout) keeps one copy.
 */
public interface AuditStore {

  /** An entry as kept: its name in the store and what happened. */
  record Entry(String id, AuditEvent event) {
  }

  /**
   * Keeps {@code entry}; keeping one with the same id again is not an error.
   *
   * @throws UnstorableEntryException when the store refuses this entry itself (retrying cannot help)
   */
  void save(Entry entry);

  /** Every entry kept, in no particular order: the store's local view, so it costs no round trip. */
  List<Entry> all();

  void delete(String id);

  /** Calls {@code changed} whenever entries come or go, on any console; the returned handle stops it. */
  Runnable subscribe(Runnable changed);

  /** The store refused one entry (too large, invalid): retrying it would block the ones after it. */
  class UnstorableEntryException extends RuntimeException {
    public UnstorableEntryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
