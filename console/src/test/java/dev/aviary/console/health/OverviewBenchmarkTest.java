package dev.aviary.console.health;

import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health-at-scale benchmark's small size, in every build: a benchmark that no longer starts (as when sign-in
 * became mandatory and it went on starting a console without it) fails here, not the next time someone runs it.
 */
class OverviewBenchmarkTest {

  @Test
  void the_overview_benchmark_runs_through_and_prints_every_figure() throws Exception {
    String figures = Printed.by(() -> OverviewBenchmark.run(OverviewBenchmark.Size.SMALL, false));
    assertThat(figures).contains("loaded", "informer sync:", "overview build (", "heap after full GC:",
        "change in the API server -> overview grid updated (5 changes", "memory per additional open overview:",
        "goals:");
  }

  @Test
  void the_overview_benchmark_runs_on_a_real_control_plane_too() throws Exception {
    String figures = Printed.by(() -> OverviewBenchmark.run(OverviewBenchmark.Size.SMALL, true));
    assertThat(figures).contains("into the real API server", "made every pod Ready", "informer sync:",
        "overview build (", "heap after full GC:", "change in the API server -> overview grid updated (5 changes",
        "memory per additional open overview:", "goals:");
  }
}
