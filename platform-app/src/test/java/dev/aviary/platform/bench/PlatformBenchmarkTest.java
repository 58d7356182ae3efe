package dev.aviary.platform.bench;

import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * platform-app's benchmark at a small size (2 clients, 1 s of warm-up, 3 s measured), in every build: it must start
 * platform-app in memory and on PostgreSQL and Redis, load it and print its figures, or the build fails.
 */
class PlatformBenchmarkTest {

  @Test
  void the_benchmark_loads_platform_app_and_prints_throughput_and_latencies() throws Exception {
    String figures = Printed.by(() -> PlatformBenchmark.main(new String[] {"--clients=2", "--warmup=1",
        "--duration=3"}));

    assertThat(figures).contains("platform-app benchmark against", "documents/s", "POST upload", "GET status",
        "end to end");
    assertThat(figures).containsPattern("documents/s\\s+\\d+\\.\\d\\s+\\([1-9]\\d* processed, 0 failed");
    assertThat(figures).contains("platform-app in memory", "platform-app on PostgreSQL and Redis",
        "PostgreSQL + Redis against in memory:");
    assertThat(figures.split("\\([1-9]\\d* processed, 0 failed", -1)).as("both runs processed documents").hasSize(3);
  }
}
