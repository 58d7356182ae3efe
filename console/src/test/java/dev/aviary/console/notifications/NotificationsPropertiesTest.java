package dev.aviary.console.notifications;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationsPropertiesTest {

  static NotificationsProperties.DestinationSettings webhook(String url) {
    return new NotificationsProperties.DestinationSettings("webhook", url == null ? null : URI.create(url), "key",
        null);
  }

  static NotificationsProperties properties(Map<String, NotificationsProperties.DestinationSettings> destinations,
                                            List<NotificationsProperties.Subscription> subscriptions) {
    return new NotificationsProperties("", 100, Duration.ofSeconds(5), new NotificationsProperties.Retry(
        Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(10)), Duration.ofSeconds(60),
        Duration.ofMinutes(5), Duration.ofMinutes(5), destinations, subscriptions, NotificationsProperties.MAIL_FROM);
  }

  static NotificationsProperties.Subscription subscription(List<String> events, List<String> destinations) {
    return new NotificationsProperties.Subscription(events, List.of(), destinations);
  }

  @Test
  void each_mistake_is_refused_naming_its_setting() {
    assertThatThrownBy(() -> properties(Map.of("oncall", new NotificationsProperties.DestinationSettings("pager",
        null, null, null)), List.of())).hasMessage("aviary.notifications.destinations.oncall.kind must be one of "
        + "webhook, slack, teams, email; got pager");
    assertThatThrownBy(() -> properties(Map.of("oncall", webhook(null)), List.of()))
        .hasMessageStartingWith("aviary.notifications.destinations.oncall.url must be an http(s) URL");
    assertThatThrownBy(() -> properties(Map.of("oncall", webhook("http://h/x")),
        List.of(subscription(List.of("release-rolledback"), List.of("oncall")))))
        .hasMessageStartingWith("aviary.notifications.subscriptions[0].events: no notice is called "
            + "'release-rolledback' (known: release-started, ");
    assertThatThrownBy(() -> properties(Map.of("oncall", webhook("http://h/x")),
        List.of(subscription(List.of("release-*"), List.of("pager")))))
        .hasMessage("aviary.notifications.subscriptions[0].destinations: no destination 'pager' is configured under "
            + "aviary.notifications.destinations");
    assertThatThrownBy(() -> properties(Map.of("ops", new NotificationsProperties.DestinationSettings("email", null,
        null, List.of("not-an-address"))), List.of()))
        .hasMessage("aviary.notifications.destinations.ops.to must list e-mail addresses, got [not-an-address]");
  }

  @Test
  void a_destination_is_shown_by_kind_and_host_never_by_its_secret_path_or_key() {
    var slack = new NotificationsProperties.DestinationSettings("slack",
        URI.create("https://hooks.slack.com/services/T000/B000/XXXXSECRET"), "key-secret", null);

    assertThat(slack.toString()).isEqualTo("slack to hooks.slack.com").doesNotContain("SECRET", "key-secret");
  }

  @Test
  void subscriptions_take_kinds_by_word_family_or_star_and_services_by_name() {
    var subscription = new NotificationsProperties.Subscription(List.of("release-*", "service-degraded"),
        List.of("webapi"), List.of("oncall"));
    java.time.Instant at = java.time.Instant.EPOCH;

    assertThat(subscription.covers(notice(NoticeKind.RELEASE_ROLLED_BACK, "webapi", at))).isTrue();
    assertThat(subscription.covers(notice(NoticeKind.SERVICE_DEGRADED, "webapi", at))).isTrue();
    assertThat(subscription.covers(notice(NoticeKind.SERVICE_MISSING, "webapi", at))).isFalse();
    assertThat(subscription.covers(notice(NoticeKind.RELEASE_STARTED, "document-processor", at))).isFalse();
  }

  static Notice notice(NoticeKind kind, String service, java.time.Instant at) {
    return new Notice("id", kind, at, service, "", "", "t", "", List.of(), "");
  }
}
