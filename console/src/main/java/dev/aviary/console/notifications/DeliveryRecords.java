package dev.aviary.console.notifications;

import dev.aviary.console.Listeners;
import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditLog;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What became of every delivery: counted in {@code aviary_notifications_total{destination,event,outcome}}, the last
 * one per destination kept for the Settings page, and every notice that was not delivered written to the log and the
 * audit trail, so a receiver that stayed down is on record.
 */
final class DeliveryRecords implements DeliveryOutcomes {

  private static final Logger log = LoggerFactory.getLogger(DeliveryRecords.class);

  private final AuditLog audit;
  private final Clock clock;
  private final Counter deliveries;
  private final Map<String, LastDelivery> last = new ConcurrentHashMap<>();
  private final Listeners<String> changed = new Listeners<>();

  DeliveryRecords(AuditLog audit, Clock clock, PrometheusRegistry registry) {
    this.audit = audit;
    this.clock = clock;
    this.deliveries = Counter.builder().name("aviary_notifications_total")
        .help("Notices Aviary sent, by destination, kind of notice and what became of them")
        .labelNames("destination", "event", "outcome").register(registry);
  }

  /** Calls {@code listener} with a destination's name whenever its last delivery changes (on its queue's thread). */
  Runnable subscribe(java.util.function.Consumer<String> listener) {
    return changed.add(listener);
  }

  Optional<LastDelivery> last(String destination) {
    return Optional.ofNullable(last.get(destination));
  }

  @Override
  public void delivered(Destination destination, Notice notice, int attempts) {
    record(destination, notice, LastDelivery.Outcome.DELIVERED, attempts == 1 ? "" : "after " + attempts
        + " attempts");
    log.debug("{} {} delivered to {} ({} attempts)", notice.kind().word(), notice.id(), destination.name(), attempts);
  }

  @Override
  public void rejected(Destination destination, Notice notice, String why) {
    notDelivered(destination, notice, LastDelivery.Outcome.REJECTED, why);
  }

  @Override
  public void gaveUp(Destination destination, Notice notice, int attempts, String why) {
    notDelivered(destination, notice, LastDelivery.Outcome.GAVE_UP, "gave up after " + attempts + " attempts: "
        + why);
  }

  @Override
  public void dropped(Destination destination, Notice notice) {
    notDelivered(destination, notice, LastDelivery.Outcome.DROPPED, "its queue was full: the destination is too far "
        + "behind");
  }

  private void notDelivered(Destination destination, Notice notice, LastDelivery.Outcome outcome, String why) {
    record(destination, notice, outcome, why);
    log.warn("{} about {} was not delivered to {}: {}", notice.kind().word(), notice.service(), destination.name(),
        why);
    audit.record(new AuditEvent(clock.instant(), "notifications", "notify", "destination=" + destination.name()
        + " event=" + notice.kind().word() + " service=" + notice.service(), AuditEvent.Outcome.FAILED, why, ""));
  }

  private void record(Destination destination, Notice notice, LastDelivery.Outcome outcome, String detail) {
    deliveries.labelValues(destination.name(), notice.kind().word(), outcome.label()).inc();
    last.put(destination.name(), new LastDelivery(clock.instant(), notice.kind().word(), outcome, detail));
    changed.publish(destination.name());
  }
}
