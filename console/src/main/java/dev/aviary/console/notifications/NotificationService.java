package dev.aviary.console.notifications;

import dev.aviary.console.access.Identity;
import dev.aviary.console.access.Operators;
import dev.aviary.console.access.Requires;
import dev.aviary.console.access.Role;
import dev.aviary.console.audit.AuditLog;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Tells people what happened: each notice goes to every destination a subscription routes it to, through that
 * destination's own queue, so publishing never waits on a receiver. Features publish; the Settings page lists the
 * destinations (never their secrets) with their last delivery, and admins send a test.
 */
@Service
public class NotificationService implements DisposableBean {

  private final NotificationsProperties properties;
  private final Clock clock;
  private final Operators operators;
  private final DeliveryRecords records;
  private final Map<String, Destination> destinations = new LinkedHashMap<>();
  private final Map<String, DeliveryQueue> queues = new LinkedHashMap<>();
  private final List<ActiveSubscription> configured;
  private volatile FromGit fromGit = new FromGit(List.of(), List.of());

  NotificationService(NotificationsProperties properties, List<DestinationFactory> factories, AuditLog audit,
                      PrometheusRegistry registry, Operators operators, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.operators = operators;
    this.records = new DeliveryRecords(audit, clock, registry);
    this.configured = properties.subscriptions().stream()
        .map(s -> new ActiveSubscription(s, "console configuration")).toList();
    properties.destinations().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Destination destination = factories.stream()
          .flatMap(f -> f.create(e.getKey(), e.getValue(), properties.timeout()).stream()).findFirst()
          .orElseThrow(() -> new IllegalStateException(NotificationsProperties.PREFIX + ".destinations." + e.getKey()
              + ": nothing sends notices of kind " + e.getValue().kind()));
      destinations.put(e.getKey(), destination);
      queues.put(e.getKey(), new DeliveryQueue(destination, properties.queueCapacity(), properties.retry().policy(),
          clock, records));
    });
  }

  /** A destination as the Settings page shows it: no URL path, no key, no password. */
  public record DestinationStatus(String name, String kind, String target, Optional<LastDelivery> last,
                                  int waiting) {
  }

  /**
   * One subscription and where it comes from: the console's configuration, or the manifest in Git whose annotation
   * made it.
   */
  public record ActiveSubscription(NotificationsProperties.Subscription subscription, String from) {
  }

  /** The subscriptions Git's manifests hold, and the annotations that could not be taken, each saying why. */
  record FromGit(List<ActiveSubscription> subscriptions, List<String> problems) {
  }

  /**
   * Queues the notice for every destination subscribed to it, without waiting for any.
   *
   * @return how many destinations it was queued for
   */
  public int publish(Notice notice) {
    int queued = 0;
    for (String name : subscribersOf(notice)) {
      if (queues.get(name).offer(notice)) {
        queued++;
      }
    }
    return queued;
  }

  List<String> subscribersOf(Notice notice) {
    return subscriptions().stream().map(ActiveSubscription::subscription).filter(s -> s.covers(notice))
        .flatMap(s -> s.destinations().stream()).distinct().toList();
  }

  /** Every subscription in force: the configured ones first, then those from Git's manifests. */
  public List<ActiveSubscription> subscriptions() {
    return Stream.concat(configured.stream(), fromGit.subscriptions().stream()).toList();
  }

  /** Subscription annotations in Git that are not in force, each saying where it is and what is wrong. */
  public List<String> gitProblems() {
    return fromGit.problems();
  }

  /** Takes what Git's manifests say from now on, in place of what they said before. */
  void routeFromGit(FromGit found) {
    fromGit = found;
  }

  /** The console page at {@code path} as people open it, or empty when no console URL is configured. */
  public String link(String path) {
    return properties.consoleUrl().isEmpty() ? "" : properties.consoleUrl() + path;
  }

  public List<DestinationStatus> destinations() {
    return destinations.values().stream().map(d -> new DestinationStatus(d.name(), d.kind(),
        properties.destinations().get(d.name()).toString(), records.last(d.name()), queues.get(d.name()).waiting()))
        .toList();
  }

  /** Calls {@code listener} with every destination's status whenever a delivery ends; the handle stops it. */
  public Runnable subscribe(java.util.function.Consumer<List<DestinationStatus>> listener) {
    return records.subscribe(name -> listener.accept(destinations()));
  }

  public Optional<String> testRefusal() {
    return operators.refusal(Role.ADMIN);
  }

  /** Sends a test notice to one destination, whatever its subscriptions; its outcome shows as its last delivery. */
  @Requires(value = Role.ADMIN, action = "send-test-notification")
  public void sendTest(String destination) {
    DeliveryQueue queue = queues.get(destination);
    if (queue == null) {
      throw new IllegalArgumentException("no notification destination '" + destination + "'");
    }
    Identity actor = operators.current();
    queue.offer(new Notice("test/" + UUID.randomUUID(), NoticeKind.TEST, clock.instant(), "aviary", "",
        actor.toString(), "Aviary test notice", "A test from " + actor + ": this destination is reachable.",
        List.of(), link("/settings")));
  }

  @Override
  public void destroy() {
    queues.values().forEach(DeliveryQueue::close);
  }
}
