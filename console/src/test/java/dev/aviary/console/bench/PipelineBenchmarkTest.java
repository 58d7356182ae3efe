package dev.aviary.console.bench;

import dev.aviary.testsupport.Goals;
import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change pipeline benchmark's small size, in every build: it must start, make its changes and print every figure;
 * six changes are too few for a p99 or a ratio to be judged, so its goals must be measured, not met.
 */
class PipelineBenchmarkTest {

  @Test
  void the_pipeline_benchmark_runs_through_and_prints_every_figure() throws Exception {
    AtomicReference<Goals> goals = new AtomicReference<>();
    String figures = Printed.by(() -> goals.set(PipelineBenchmark.run(PipelineBenchmark.SMALL_WARMUP,
        PipelineBenchmark.SMALL_CHANGES)));

    assertThat(figures).contains("Aviary change pipeline: 6 changes (after 2 warm-up)", "intent -> pushed",
        "intent -> applied", "git CLI reference: the same 6 edits", "ratio Aviary applied / git CLI pushed",
        goals.get().line(), "where a change's time goes");
    goals.get().assertMeasured();
  }
}
