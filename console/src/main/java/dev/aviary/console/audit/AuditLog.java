package dev.aviary.console.security;

import dev.aviary.console.Listeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.stereotype.Service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every action, allowed or denied: written as a structured log event (logger {@code aviary.audit}, key-value
 * fields, so a JSON log format carries them as fields) for the log pipeline that keeps them, and held in memory,
 * the most recent first, for the admins' Audit page.
 */
@Service
public class AuditLog {

  static final int KEPT = 1000;
  private static final Logger log = LoggerFactory.getLogger("aviary.audit");

  private final Deque<AuditEvent> recent = new ArrayDeque<>();
  private final Listeners<AuditEvent> listeners = new Listeners<>();

  public void record(AuditEvent event) {
    synchronized (recent) {
      recent.addFirst(event);
      if (recent.size() > KEPT) {
        recent.removeLast();
      }
    }
    log.atLevel(event.outcome() == AuditEvent.Outcome.DENIED ? Level.WARN : Level.INFO)
        .addKeyValue("actor", event.actor()).addKeyValue("action", event.action())
        .addKeyValue("target", event.target()).addKeyValue("outcome", event.outcome())
        .addKeyValue("commit", event.commit()).addKeyValue("detail", event.detail())
        .log("{} {} {}: {}{}", event.actor(), event.action(), event.target(), event.outcome(),
            event.detail().isEmpty() ? "" : " (" + event.detail() + ")");
    listeners.publish(event);
  }

  /** The most recent events first, at most {@value #KEPT}. */
  public List<AuditEvent> recent() {
    synchronized (recent) {
      return new ArrayList<>(recent);
    }
  }

  /** Calls {@code listener} on every new event (on the recording thread); the returned handle stops it. */
  public Runnable subscribe(Consumer<AuditEvent> listener) {
    return listeners.add(listener);
  }
}
