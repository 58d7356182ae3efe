package dev.aviary.install.images;

import dev.aviary.testsupport.Goals;
import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The image start benchmark's small size, in every build: a benchmark that stops starting fails the build. */
class ImageStartBenchmarkTest {

  @Test
  void the_small_benchmark_starts_each_image_both_ways_and_prints_its_figures() throws Exception {
    AtomicReference<Goals> goals = new AtomicReference<>();
    String printed = Printed.by(() -> goals.set(ImageStartBenchmark.run(1, Duration.ZERO).print()));

    assertThat(printed).contains("console, AOT cache", "console, no AOT cache", "platform-app, AOT cache",
        "platform-app, no AOT cache", "its 2 s warm-up", "layers");
    goals.get().assertMeasured();
  }
}
