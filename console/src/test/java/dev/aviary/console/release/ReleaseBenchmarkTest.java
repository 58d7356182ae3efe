package dev.aviary.console.release;

import dev.aviary.testsupport.Printed;
import dev.aviary.console.release.ReleaseBenchmark.Scenario;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release benchmark's small size, in every build: its rig (platform-app processes, Prometheus, traffic, a
 * console per judge) starts, under each judge one healthy release is promoted and one failing 20% of its requests
 * rolled back, and the figures are printed.
 */
class ReleaseBenchmarkTest {

  @Test
  void the_release_benchmark_runs_both_judges_on_a_healthy_and_a_faulty_release_and_prints_every_figure()
      throws Exception {
    String figures = Printed.by(() -> ReleaseBenchmark.run(Map.of(Scenario.HEALTHY, 1, Scenario.ERRORS_20, 1),
        List.of(Judgment.Method.values())));

    assertThat(figures).contains("judge sequential: steps [5, 10, 25, 50, 100]", "judge window: steps",
        "sequential healthy     3.0.0 ", "sequential 20% errors  3.1.0-faulty", "window     healthy     3.2.0 ",
        "window     20% errors  3.3.0-faulty", "sequential goals: false rollbacks 0 of 1 healthy (goal 0: met)");
    assertThat(figures.lines().filter(l -> l.matches("(window|sequential) +(healthy|20% errors) +1 +0 .*")))
        .as("one row per judge and scenario, no wrong decision").hasSize(4);
  }
}
