package dev.aviary.console.audit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stored entries the leader removes: past the retention, or the oldest beyond the most kept. */
class AuditRetentionTest {

  static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void entries_older_than_the_retention_go_and_younger_ones_stay() {
    AuditProperties keepADay = new AuditProperties(Duration.ofDays(1), 1000, Duration.ofMinutes(10), 100);
    List<AuditStore.Entry> entries = List.of(entry("old", NOW.minus(Duration.ofHours(25))),
        entry("edge", NOW.minus(Duration.ofDays(1))), entry("new", NOW.minus(Duration.ofHours(1))));

    assertThat(AuditRetention.expired(entries, NOW, keepADay)).containsExactly("old");
  }

  @Test
  void beyond_the_most_entries_kept_the_oldest_go_first() {
    AuditProperties keepAThousand = new AuditProperties(Duration.ofDays(90), 1000, Duration.ofMinutes(10), 100);
    List<AuditStore.Entry> entries = IntStream.range(0, 1003).mapToObj(i -> entry("e" + i, NOW.minusSeconds(i)))
        .toList();

    assertThat(AuditRetention.expired(entries, NOW, keepAThousand)).containsExactly("e1002", "e1001", "e1000");
  }

  @Test
  void a_store_within_both_bounds_loses_nothing() {
    AuditProperties defaults = new AuditProperties(Duration.ofDays(90), 10_000, Duration.ofMinutes(10), 100);

    assertThat(AuditRetention.expired(List.of(entry("a", NOW), entry("b", NOW.minusSeconds(5))), NOW, defaults))
        .isEmpty();
  }

  private static AuditStore.Entry entry(String id, Instant at) {
    return new AuditStore.Entry(id, new AuditEvent(at, "Ada Admin", "scale", "", AuditEvent.Outcome.SUCCEEDED, "",
        ""));
  }
}
