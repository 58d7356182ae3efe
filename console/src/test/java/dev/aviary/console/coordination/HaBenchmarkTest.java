package dev.aviary.console.coordination;

import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The HA benchmark's small size, in every build: it must start its consoles, fail over, measure and print. */
class HaBenchmarkTest {

  @Test
  void the_ha_benchmark_runs_through_and_prints_every_figure() throws Exception {
    String figures = Printed.by(() -> HaBenchmark.run(HaBenchmark.Size.SMALL));

    assertThat(figures).contains("failover, leader shut down mid-release: another console leads after ",
        "failover, leader killed mid-release: another console leads after ",
        "change pipeline through the API, 10 changes through one console: p50 ",
        "write lock while two consoles wrote at once: ", "goals:");
  }
}
