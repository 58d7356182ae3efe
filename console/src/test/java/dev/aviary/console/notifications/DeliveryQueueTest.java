package dev.aviary.console.notifications;

import dev.aviary.console.notifications.http.HttpDestination;
import dev.aviary.testsupport.Ports;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeliveryQueueTest {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  static final RetryPolicy FAST = new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(2));

  /** Every outcome, as a line: "delivered n1 after 3", "rejected n1: ...", "gave up n1 after 4: ...", "dropped n1". */
  static final class Outcomes implements DeliveryOutcomes {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(Destination destination, Notice notice, int attempts) {
      lines.add("delivered " + notice.id() + " after " + attempts);
    }

    @Override
    public void rejected(Destination destination, Notice notice, String why) {
      lines.add("rejected " + notice.id() + ": " + why);
    }

    @Override
    public void gaveUp(Destination destination, Notice notice, int attempts, String why) {
      lines.add("gave up " + notice.id() + " after " + attempts + ": " + why);
    }

    @Override
    public void dropped(Destination destination, Notice notice) {
      lines.add("dropped " + notice.id());
    }
  }

  static Notice notice(String id) {
    return new Notice(id, NoticeKind.RELEASE_ROLLED_BACK, Instant.parse("2026-11-30T03:00:00Z"), "webapi",
        "webapi-v2", "release controller", "webapi: release webapi-v2 rolled back", "", List.of(), "");
  }

  @Test
  void a_receiver_answering_503_twice_then_200_gets_the_notice_once() {
    Outcomes outcomes = new Outcomes();
    try (WebhookReceiver receiver = WebhookReceiver.answering(503, 503, 200);
         DeliveryQueue queue = new DeliveryQueue(webhook(receiver.url("/hook")), 10, FAST, Clock.systemUTC(), outcomes)) {
      queue.offer(notice("n1"));

      await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.lines.contains("delivered n1 after 3"));
      assertThat(receiver.received()).hasSize(3);
      assertThat(receiver.accepted()).hasSize(1);
    }
  }

  @Test
  void a_receiver_answering_400_is_not_asked_again() {
    Outcomes outcomes = new Outcomes();
    try (WebhookReceiver receiver = WebhookReceiver.answering(400);
         DeliveryQueue queue = new DeliveryQueue(webhook(receiver.url("/hook")), 10, FAST, Clock.systemUTC(), outcomes)) {
      queue.offer(notice("n1"));

      await().atMost(Duration.ofSeconds(5)).until(() -> !outcomes.lines.isEmpty());
      assertThat(outcomes.lines).singleElement().asString().startsWith("rejected n1: 127.0.0.1 answered 400");
      await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2))
          .until(() -> receiver.received().size() == 1);
    }
  }

  @Test
  void a_receiver_down_for_good_is_given_up_on_in_time_and_later_notices_still_queue_at_once() throws Exception {
    Outcomes outcomes = new Outcomes();
    try (DeliveryQueue queue = new DeliveryQueue(webhook(closedPort()), 10, FAST, Clock.systemUTC(), outcomes)) {
      long start = System.nanoTime();
      assertThat(queue.offer(notice("n1"))).isTrue();
      assertThat(queue.offer(notice("n2"))).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));

      await().atMost(Duration.ofSeconds(10)).until(() -> outcomes.lines.size() == 2);
      assertThat(outcomes.lines.getFirst()).startsWith("gave up n1 after ").contains("could not be reached");
      assertThat(outcomes.lines.get(1)).startsWith("gave up n2 after ");
    }
  }

  @Test
  void a_full_queue_drops_what_it_cannot_hold_and_says_so_while_the_rest_arrive_in_order() {
    Outcomes outcomes = new Outcomes();
    try (WebhookReceiver receiver = WebhookReceiver.answering(200).takingMillis(300);
         DeliveryQueue queue = new DeliveryQueue(webhook(receiver.url("/hook")), 2, FAST, Clock.systemUTC(), outcomes)) {
      queue.offer(notice("n1"));
      await().atMost(Duration.ofSeconds(2)).until(() -> queue.waiting() == 0);
      queue.offer(notice("n2"));
      queue.offer(notice("n3"));
      queue.offer(notice("n4"));

      await().atMost(Duration.ofSeconds(5)).until(() -> outcomes.lines.size() == 4);
      assertThat(outcomes.lines).containsExactly("dropped n4", "delivered n1 after 1", "delivered n2 after 1",
          "delivered n3 after 1");
    }
  }

  @Test
  void waits_between_attempts_double_up_to_the_longest() {
    RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));
    assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(policy::delayAfter).map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
  }

  private static Destination webhook(URI url) {
    return HttpDestination.webhook("oncall", url, "key", Duration.ofSeconds(1), HTTP);
  }

  private static URI closedPort() {
    return URI.create("http://127.0.0.1:" + Ports.NOTHING_LISTENS + "/hook");
  }
}
