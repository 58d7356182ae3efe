package dev.aviary.console.audit;

import dev.aviary.console.Listeners;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An audit store for tests without a cluster; {@link #reachable} false makes every save fail as an outage would. */
public final class InMemoryAuditStore implements AuditStore {

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Listeners<Void> listeners = new Listeners<>();
  public volatile boolean reachable = true;

  /** An audit log writing to a new in-memory store, with the default settings. */
  public static AuditLog log() {
    return new AuditLog(new InMemoryAuditStore(), new AuditProperties(java.time.Duration.ofDays(90), 10_000,
        java.time.Duration.ofMinutes(10), 10_000));
  }

  @Override
  public void save(Entry entry) {
    if (!reachable) {
      throw new IllegalStateException("the store cannot be reached");
    }
    entries.put(entry.id(), entry);
    listeners.publish(null);
  }

  @Override
  public List<Entry> all() {
    return new ArrayList<>(entries.values());
  }

  @Override
  public void delete(String id) {
    entries.remove(id);
    listeners.publish(null);
  }

  @Override
  public Runnable subscribe(Runnable changed) {
    return listeners.add(ignored -> changed.run());
  }
}
