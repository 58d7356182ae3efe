package dev.aviary.console.release;

import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release benchmark's small size, in every build: its rig (platform-app processes, Prometheus, traffic, a
 * console) starts, one healthy release is promoted and one faulty one rolled back, and the figures are printed.
 */
class ReleaseBenchmarkTest {

  @Test
  void the_release_benchmark_runs_a_healthy_and_a_faulty_release_and_prints_every_figure() throws Exception {
    String figures = Printed.by(() -> ReleaseBenchmark.run(ReleaseBenchmark.SMALL_RUNS_EACH));

    assertThat(figures).contains("plan: steps", "run  1 3.0.0", "run  2 3.1.0-faulty",
        "start -> rollback completed", "start -> promoted", "wrong decisions: 0 of 2 runs");
  }
}
