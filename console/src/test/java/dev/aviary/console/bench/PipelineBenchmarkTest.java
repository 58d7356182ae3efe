package dev.aviary.console.bench;

import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The change pipeline benchmark's small size, in every build: it must start, make its changes and print. */
class PipelineBenchmarkTest {

  @Test
  void the_pipeline_benchmark_runs_through_and_prints_every_figure() throws Exception {
    String figures = Printed.by(() -> PipelineBenchmark.run(PipelineBenchmark.SMALL_WARMUP,
        PipelineBenchmark.SMALL_CHANGES));

    assertThat(figures).contains("Aviary change pipeline: 6 changes (after 2 warm-up)", "intent -> pushed",
        "intent -> applied", "git CLI reference: the same 6 edits", "ratio Aviary applied / git CLI pushed",
        "goals:", "where a change's time goes");
  }
}
