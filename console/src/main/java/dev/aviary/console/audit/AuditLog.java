package dev.aviary.console.audit;

import dev.aviary.console.Listeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every action, allowed or denied: written at once as a structured log event (logger {@code aviary.audit},
 * key-value fields, so a JSON log format carries them as fields) for the log pipeline, and kept in the
 * {@link AuditStore} shared by all consoles, in the background so an action never waits for it. The admins' Audit
 * page shows the newest {@value #SHOWN} of every console's entries, this console's own at once.
 */
@Service
public class AuditLog implements AutoCloseable {

  static final int SHOWN = 1000;
  private static final Logger log = LoggerFactory.getLogger("aviary.audit");
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
      .withZone(ZoneOffset.UTC);
  private static final Comparator<AuditStore.Entry> NEWEST_FIRST = Comparator
      .comparing((AuditStore.Entry e) -> e.event().at()).thenComparing(AuditStore.Entry::id).reversed();

  private final AuditStore store;
  private final AuditWriter writer;
  /** Entries recorded here that the store does not show yet (being written, or could not be): by id. */
  private final Map<String, AuditStore.Entry> notYetStored = new LinkedHashMap<>();
  private final Listeners<List<AuditEvent>> listeners = new Listeners<>();
  private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("aviary-audit-updates").factory());
  private final AtomicBoolean publishing = new AtomicBoolean();
  private final Runnable unsubscribe;

  @Autowired
  public AuditLog(AuditStore store, AuditProperties properties) {
    this.store = store;
    this.writer = new AuditWriter(store, properties.queueCapacity());
    this.unsubscribe = store.subscribe(this::changed);
  }

  public void record(AuditEvent event) {
    log.atLevel(event.outcome() == AuditEvent.Outcome.DENIED ? Level.WARN : Level.INFO)
        .addKeyValue("actor", event.actor()).addKeyValue("action", event.action())
        .addKeyValue("target", event.target()).addKeyValue("outcome", event.outcome())
        .addKeyValue("commit", event.commit()).addKeyValue("detail", event.detail())
        .log("{} {} {}: {}{}", event.actor(), event.action(), event.target(), event.outcome(),
            event.detail().isEmpty() ? "" : " (" + event.detail() + ")");
    AuditStore.Entry entry = new AuditStore.Entry(ID_TIME.format(event.at()) + "-"
        + UUID.randomUUID().toString().substring(0, 8), event);
    synchronized (notYetStored) {
      notYetStored.put(entry.id(), entry);
      if (notYetStored.size() > SHOWN) {
        notYetStored.remove(notYetStored.keySet().iterator().next());
      }
    }
    writer.write(entry);
    changed();
  }

  /** The newest {@value #SHOWN} entries of every console, newest first. */
  public List<AuditEvent> recent() {
    List<AuditStore.Entry> stored = store.all();
    Set<String> ids = new HashSet<>();
    stored.forEach(e -> ids.add(e.id()));
    List<AuditStore.Entry> all = new ArrayList<>(stored);
    synchronized (notYetStored) {
      notYetStored.keySet().removeAll(ids);
      all.addAll(notYetStored.values());
    }
    all.sort(NEWEST_FIRST);
    return all.stream().limit(SHOWN).map(AuditStore.Entry::event).toList();
  }

  /**
   * Calls {@code listener} with {@link #recent()} after entries come or go, on any console; a burst (a restarted
   * console reading the whole store) gives one call. The returned handle stops it.
   */
  public Runnable subscribe(Consumer<List<AuditEvent>> listener) {
    return listeners.add(listener);
  }

  private void changed() {
    if (publishing.compareAndSet(false, true)) {
      publisher.schedule(() -> {
        publishing.set(false);
        listeners.publish(recent());
      }, 100, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    unsubscribe.run();
    writer.close();
    publisher.shutdownNow();
  }
}
