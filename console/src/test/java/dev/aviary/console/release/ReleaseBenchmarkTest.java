package dev.aviary.console.release;

import dev.aviary.console.WaitsOnTheClock;
import dev.aviary.console.analysis.Judgment;
import dev.aviary.console.release.ReleaseBenchmark.Scenario;
import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release benchmark's small size, in every build, on its shorter plan (25%, then 100%): its rig (platform-app processes, Prometheus, traffic, a
 * console per judge) starts, under each judge a healthy canary and a healthy blue-green release are promoted, and a
 * canary, a blue-green release and a mirrored canary failing 20% of their requests rolled back, and the figures are
 * printed.
 */
@WaitsOnTheClock
class ReleaseBenchmarkTest {

  @Test
  void the_release_benchmark_runs_both_judges_on_every_strategy_healthy_and_faulty_and_prints_every_figure()
      throws Exception {
    String figures = Printed.by(() -> ReleaseBenchmark.run(Scenario.SMALL, List.of(Judgment.Method.values()),
        ReleaseBenchmark.SMALL_PLAN));

    assertThat(figures).contains("judge sequential: steps [25, 100] (mirrored [mirror:20, 25, 100], blue-green "
            + "[preview, 100])", "judge window: steps",
        "sequential healthy      3.0.0 ", "sequential 20% errors   3.1.0-faulty", "sequential b-g healthy  3.2.0 ",
        "sequential b-g 20%      3.3.0-faulty", "sequential mirrored 20% 3.4.0-faulty",
        "window     healthy      3.5.0 ",
        "sequential goals: false rollbacks 0 of 1 healthy (goal 0: met)",
        "strategy goals: wrong decisions 0 of 6 blue-green and mirrored runs (goal 0: met); user-visible failed "
            + "requests in 4 faulty blue-green and mirrored runs 0 (goal 0: met)");
    String scenarios = "(healthy|20% errors|b-g healthy|b-g 20%|mirrored 20%)";
    assertThat(figures.lines().filter(l -> l.matches("sequential +" + scenarios + " +1 +0 .*")))
        .as("one row per scenario under the sequential judge, no wrong decision").hasSize(5);
    // The window judge rolls back about one healthy canary in ten (docs/benchmarks.md): a measured property of that
    // judge, which one run per scenario cannot judge, so its rows must be there but may count one wrong decision.
    assertThat(figures.lines().filter(l -> l.matches("window +" + scenarios + " +1 +[01] .*")))
        .as("one row per scenario under the window judge").hasSize(5);
  }
}
