package dev.aviary.console.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit log before its store: nothing waits for it, nothing is lost while it is down, every console reads it. */
class AuditLogTest {

  static final AuditProperties SMALL_QUEUE = new AuditProperties(Duration.ofDays(90), 10_000, Duration.ofMinutes(10),
      3);
  final InMemoryAuditStore store = new InMemoryAuditStore();
  final AuditLog a = new AuditLog(store, SMALL_QUEUE);
  final AuditLog b = new AuditLog(store, SMALL_QUEUE);

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  @Test
  void what_one_console_records_the_other_shows_newest_first() {
    a.record(event(1, "scale"));
    b.record(event(2, "set-weights"));
    a.record(event(3, "revert"));

    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      assertThat(actions(a)).containsExactly("revert", "set-weights", "scale");
      assertThat(actions(b)).containsExactly("revert", "set-weights", "scale");
    });
    assertThat(store.all()).hasSize(3);
  }

  @Test
  void while_the_store_is_down_entries_show_on_their_console_and_are_stored_in_order_when_it_is_back() {
    store.reachable = false;
    a.record(event(1, "scale"));
    a.record(event(2, "revert"));

    assertThat(actions(a)).containsExactly("revert", "scale");
    assertThat(store.all()).isEmpty();
    store.reachable = true;
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(actions(b))
        .containsExactly("revert", "scale"));
    assertThat(actions(a)).containsExactly("revert", "scale");
  }

  @Test
  void beyond_the_queue_capacity_the_oldest_waiting_entries_are_dropped_from_the_store_only() {
    store.reachable = false;
    for (int i = 1; i <= 5; i++) {
      a.record(event(i, "scale-" + i));
    }
    store.reachable = true;

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(actions(b))
        .containsExactly("scale-5", "scale-4", "scale-3"));
    assertThat(actions(a)).as("this console still shows what it recorded").hasSize(5);
  }

  @Test
  void listeners_hear_of_other_consoles_entries() {
    List<List<AuditEvent>> heard = new CopyOnWriteArrayList<>();
    b.subscribe(heard::add);

    a.record(event(1, "scale"));

    await().atMost(Duration.ofSeconds(5)).until(() -> !heard.isEmpty() && !heard.getLast().isEmpty());
    assertThat(heard.getLast()).extracting(AuditEvent::action).containsExactly("scale");
  }

  static List<String> actions(AuditLog log) {
    return log.recent().stream().map(AuditEvent::action).toList();
  }

  static AuditEvent event(int second, String action) {
    return new AuditEvent(Instant.parse("2026-11-30T12:00:00Z").plusSeconds(second), "Otto Operator", action,
        "service=webapi", AuditEvent.Outcome.SUCCEEDED, "", "");
  }
}
