package dev.aviary.console.coordination;

import dev.aviary.testsupport.Goals;
import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HA benchmark's small size, in every build: it must start its consoles, fail over within its goals, measure
 * and print. The pipeline's ratio over ten changes is too noisy to judge at this size; it must be measured.
 */
class HaBenchmarkTest {

  @Test
  void the_ha_benchmark_fails_over_within_its_goals_and_measures_every_figure() throws Exception {
    AtomicReference<Goals> goals = new AtomicReference<>();
    String figures = Printed.by(() -> goals.set(HaBenchmark.run(HaBenchmark.Size.SMALL)));

    assertThat(figures).contains("failover, leader shut down mid-release: another console leads after ",
        "failover, leader killed mid-release: another console leads after ",
        "change pipeline through the API, 10 changes through one console: p50 ",
        "write lock while two consoles wrote at once: ", goals.get().line());
    goals.get().assertMet(HaBenchmark.SHUTDOWN_GOAL, HaBenchmark.KILL_GOAL);
    goals.get().assertMeasured();
    assertThatThrownBy(() -> goals.get().withLimit(HaBenchmark.SHUTDOWN_GOAL, 1)
        .assertMet(HaBenchmark.SHUTDOWN_GOAL)).as("the same run held to a 1 ms failover").isInstanceOf(
        AssertionError.class).hasMessageContaining(HaBenchmark.SHUTDOWN_GOAL + ": NOT met");
  }
}
