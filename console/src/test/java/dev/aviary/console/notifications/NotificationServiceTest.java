package dev.aviary.console.notifications;

import dev.aviary.console.access.Identity;
import dev.aviary.console.access.Operators;
import dev.aviary.console.access.Role;
import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.audit.InMemoryAuditStore;
import dev.aviary.console.notifications.http.HttpDestination;
import dev.aviary.testsupport.Ports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Routing by subscription, and what a receiver that is down for good leaves behind: an audit entry and a count. */
class NotificationServiceTest {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  final AuditLog audit = InMemoryAuditStore.log();
  final PrometheusRegistry registry = new PrometheusRegistry();
  final WebhookReceiver team = WebhookReceiver.answering(200);
  NotificationService service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.destroy();
    }
    team.close();
    audit.close();
  }

  NotificationService start(URI oncall) {
    var settings = Map.of(
        "oncall", new NotificationsProperties.DestinationSettings("webhook", oncall, "k", null),
        "team", new NotificationsProperties.DestinationSettings("webhook", team.url("/team"), "k", null));
    var properties = new NotificationsProperties("https://aviary.example", 10, Duration.ofSeconds(1),
        new NotificationsProperties.Retry(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(500)),
        Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(5), settings, List.of(
        new NotificationsProperties.Subscription(List.of("release-*"), List.of(), List.of("oncall")),
        new NotificationsProperties.Subscription(List.of("release-rolled-back"), List.of("webapi"),
            List.of("team", "oncall"))), NotificationsProperties.MAIL_FROM);
    DestinationFactory webhooks = (name, s, timeout) -> Optional.of(HttpDestination.webhook(name, s.url(),
        s.signingKey(), timeout, HTTP));
    service = new NotificationService(properties, List.of(webhooks), audit, registry, operators(),
        Clock.systemUTC());
    return service;
  }

  static Operators operators() {
    return new Operators() {
      @Override
      public Identity current() {
        return new Identity("Ada Admin", "admin@example.com");
      }

      @Override
      public Optional<String> refusal(Role role) {
        return Optional.empty();
      }
    };
  }

  static Notice notice(NoticeKind kind, String service) {
    return new Notice(kind.word() + "-1", kind, Instant.now(), service, "r", "release controller", "title", "",
        List.of(), "");
  }

  @Test
  void a_notice_goes_to_each_subscribed_destination_once_and_nowhere_else() throws Exception {
    try (WebhookReceiver oncall = WebhookReceiver.answering(200)) {
      NotificationService notifications = start(oncall.url("/oncall"));

      assertThat(notifications.publish(notice(NoticeKind.RELEASE_ROLLED_BACK, "webapi"))).isEqualTo(2);
      assertThat(notifications.publish(notice(NoticeKind.RELEASE_STARTED, "webapi"))).isEqualTo(1);
      assertThat(notifications.publish(notice(NoticeKind.SERVICE_DEGRADED, "webapi"))).isZero();

      await().atMost(Duration.ofSeconds(5)).until(() -> oncall.received().size() == 2 && team.received().size() == 1);
      assertThat(notifications.link("/releases")).isEqualTo("https://aviary.example/releases");
    }
  }

  @Test
  void subscriptions_from_git_add_to_the_configured_ones_and_replace_what_git_said_before() throws Exception {
    try (WebhookReceiver oncall = WebhookReceiver.answering(200)) {
      NotificationService notifications = start(oncall.url("/oncall"));
      var teamDegraded = new NotificationsProperties.Subscription(List.of("service-degraded", "release-*"),
          List.of("document-processor"), List.of("team"));
      notifications.routeFromGit(new NotificationService.FromGit(List.of(
          new NotificationService.ActiveSubscription(teamDegraded, "Git: base/document-processor/service.yaml")),
          List.of()));

      assertThat(notifications.subscribersOf(notice(NoticeKind.SERVICE_DEGRADED, "document-processor")))
          .containsExactly("team");
      assertThat(notifications.subscribersOf(notice(NoticeKind.RELEASE_ROLLED_BACK, "document-processor")))
          .as("configured, and from Git").containsExactly("oncall", "team");
      assertThat(notifications.subscribersOf(notice(NoticeKind.SERVICE_DEGRADED, "webapi"))).isEmpty();
      assertThat(notifications.subscriptions()).extracting(NotificationService.ActiveSubscription::from)
          .containsExactly("console configuration", "console configuration", "Git: base/document-processor/service.yaml");

      notifications.routeFromGit(new NotificationService.FromGit(List.of(), List.of("a problem")));
      assertThat(notifications.subscribersOf(notice(NoticeKind.SERVICE_DEGRADED, "document-processor"))).isEmpty();
      assertThat(notifications.gitProblems()).containsExactly("a problem");
    }
  }

  @Test
  void a_receiver_down_for_good_is_given_up_on_with_an_audit_entry_and_a_count_while_publishing_never_waits()
      throws Exception {
    NotificationService notifications = start(closedPort());

    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      notifications.publish(notice(NoticeKind.RELEASE_STARTED, "webapi"));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(10)).until(() -> audit.recent().size() == 5);
    assertThat(audit.recent()).allSatisfy(e -> {
      assertThat(e.action()).isEqualTo("notify");
      assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
      assertThat(e.target()).isEqualTo("destination=oncall event=release-started service=webapi");
      assertThat(e.detail()).startsWith("gave up after ").contains("could not be reached");
    });
    CounterSnapshot counter = (CounterSnapshot) registry.scrape().stream()
        .filter(s -> s.getMetadata().getName().equals("aviary_notifications")).findFirst().orElseThrow();
    assertThat(counter.getDataPoints()).singleElement().satisfies(p -> {
      assertThat(p.getLabels().get("outcome")).isEqualTo("gave-up");
      assertThat(p.getValue()).isEqualTo(5.0);
    });
    assertThat(notifications.destinations()).filteredOn(d -> d.name().equals("oncall")).singleElement()
        .satisfies(d -> assertThat(d.last()).hasValueSatisfying(l ->
            assertThat(l.outcome()).isEqualTo(LastDelivery.Outcome.GAVE_UP)));
  }

  private static URI closedPort() {
    return URI.create("http://127.0.0.1:" + Ports.NOTHING_LISTENS + "/hook");
  }
}
