package dev.aviary.console.notifications;

import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification benchmark's small size, in every build: it must start its consoles, measure and print. */
class NotificationBenchmarkTest {

  @Test
  void the_notification_benchmark_runs_through_and_prints_every_figure() throws Exception {
    String figures = Printed.by(() -> NotificationBenchmark.run(NotificationBenchmark.Size.SMALL));

    assertThat(figures).contains("rollback step -> webhook receiver (1 faulty releases",
        "with the slow receiver: every notice arrived (", "release-rolled-back",
        "change pipeline, 10 changes while a release runs (pair 1): without notifications", "goals:");
  }
}
