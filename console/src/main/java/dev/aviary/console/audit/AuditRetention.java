package dev.aviary.console.audit;

import dev.aviary.console.coordination.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the stored audit trail within {@code aviary.audit.retention} and {@code aviary.audit.max-entries}: the
 * leading console removes what is past either bound, oldest first, so the store stays bounded however many consoles
 * write to it.
 */
@Component
class AuditRetention implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

  private final AuditStore store;
  private final Leadership leadership;
  private final AuditProperties properties;
  private final Clock clock;

  AuditRetention(AuditStore store, Leadership leadership, AuditProperties properties, Clock clock) {
    this.store = store;
    this.leadership = leadership;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, properties.sweepInterval(), properties.sweepInterval()));
  }

  void sweep() {
    if (!leadership.leading()) {
      return;
    }
    List<String> expired = expired(store.all(), clock.instant(), properties);
    int removed = 0;
    try {
      for (String id : expired) {
        store.delete(id);
        removed++;
      }
    } catch (RuntimeException e) {
      log.warn("audit retention removed {} of {} expired entries and stops until the next sweep: {}", removed,
          expired.size(), e.getMessage());
      return;
    }
    if (removed > 0) {
      log.info("audit retention removed {} entries (older than {} or beyond {} entries)", removed,
          properties.retention(), properties.maxEntries());
    }
  }

  /** The entries past the retention or beyond the most recent {@code max-entries}, oldest first. */
  static List<String> expired(List<AuditStore.Entry> entries, Instant now, AuditProperties properties) {
    List<AuditStore.Entry> oldestFirst = new ArrayList<>(entries);
    oldestFirst.sort(Comparator.comparing((AuditStore.Entry e) -> e.event().at()).thenComparing(AuditStore.Entry::id));
    Instant cutoff = now.minus(properties.retention());
    int beyondMax = Math.max(0, oldestFirst.size() - properties.maxEntries());
    List<String> expired = new ArrayList<>();
    for (int i = 0; i < oldestFirst.size(); i++) {
      if (i < beyondMax || oldestFirst.get(i).event().at().isBefore(cutoff)) {
        expired.add(oldestFirst.get(i).id());
      }
    }
    return expired;
  }
}
