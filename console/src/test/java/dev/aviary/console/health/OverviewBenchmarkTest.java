package dev.aviary.console.health;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health-at-scale benchmark's small size, in every build: a benchmark that no longer starts (as when sign-in
 * became mandatory and it went on starting a console without it) fails here, not the next time someone runs it.
 */
class OverviewBenchmarkTest {

  @Test
  void the_overview_benchmark_runs_through_and_prints_every_figure() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      OverviewBenchmark.run(OverviewBenchmark.Size.SMALL);
    } finally {
      System.setOut(out);
    }
    String figures = printed.toString(StandardCharsets.UTF_8);
    out.print(figures);
    assertThat(figures).contains("loaded", "informer sync:", "overview build (", "heap after full GC:",
        "change in the API server -> overview grid updated (5 changes)", "memory per additional open overview:",
        "goals:");
  }
}
