package dev.aviary.console.journey;

import dev.aviary.testsupport.Printed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session memory benchmark with 3 sessions, in every build: the console starts in a process of its own, Chromium
 * signs in through the provider three more times, and the heap figures are printed. (3 sessions say nothing about
 * the cost of one; the full run does.)
 */
class SessionMemoryBenchmarkTest {

  @Test
  void the_session_benchmark_signs_browsers_in_to_a_separate_console_and_prints_its_heap() throws Exception {
    String figures = Printed.by(() -> SessionMemoryBenchmark.run(SessionMemoryBenchmark.SMALL_SESSIONS));

    assertThat(figures).containsPattern("console heap after full GC: \\d+\\.\\d MB with 1 session, \\d+\\.\\d MB with 3 "
        + "more").contains("heap per signed-in session with the overview open:");
  }
}
