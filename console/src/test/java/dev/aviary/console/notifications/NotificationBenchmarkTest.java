package dev.aviary.console.notifications;

import dev.aviary.testsupport.Goals;
import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification benchmark's small size, in every build: it must start its consoles, deliver within its goal,
 * measure and print. The pipeline's ratio over one pair of ten changes is too noisy to judge; it must be measured.
 */
class NotificationBenchmarkTest {

  @Test
  void the_notification_benchmark_delivers_within_its_goal_and_measures_every_figure() throws Exception {
    AtomicReference<Goals> goals = new AtomicReference<>();
    String figures = Printed.by(() -> goals.set(NotificationBenchmark.run(NotificationBenchmark.Size.SMALL)));

    assertThat(figures).contains("rollback step -> webhook receiver (1 faulty releases",
        "with the slow receiver: every notice arrived (", "release-rolled-back",
        "change pipeline, 10 changes while a release runs (pair 1): without notifications", goals.get().line());
    goals.get().assertMet(NotificationBenchmark.DELIVERY_GOAL);
    goals.get().assertMeasured();
  }
}
