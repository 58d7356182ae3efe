package dev.aviary.console.coordination;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The write lock's waits and holds, on the console's metrics. */
class MeasuredWriteLockTest {

  final PrometheusRegistry registry = new PrometheusRegistry();
  final MeasuredWriteLock lock = new MeasuredWriteLock(new InMemoryWriteLock(), registry);

  @Test
  void every_write_counts_one_wait_and_one_hold_as_long_as_the_lock_was_held() throws Exception {
    try (WriteLock.Held held = lock.acquire()) {
      held.applied("abc123");
      Thread.sleep(50);
    }
    try (WriteLock.Held held = lock.acquire()) {
      assertThat(held.appliedCommit()).as("the lock underneath still does its work").contains("abc123");
    }

    assertThat(histogram("aviary_write_lock_wait_seconds").getCount()).isEqualTo(2);
    HistogramSnapshot.HistogramDataPointSnapshot holds = histogram("aviary_write_lock_held_seconds");
    assertThat(holds.getCount()).isEqualTo(2);
    assertThat(holds.getSum()).isGreaterThanOrEqualTo(0.05);
  }

  private HistogramSnapshot.HistogramDataPointSnapshot histogram(String name) {
    Optional<MetricSnapshot> found = registry.scrape().stream()
        .filter(s -> s.getMetadata().getPrometheusName().equals(name)).findFirst();
    return ((HistogramSnapshot) found.orElseThrow()).getDataPoints().getFirst();
  }
}
