package dev.aviary.console.release;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end release scenario of {@link ReleaseWithPrometheusTest}, repeated: 10 healthy and 10 faulty releases
 * in turn, with the default plan (5, 10, 25, 50, 100%) and 5-second analysis intervals, on real platform-app
 * processes, Debian's Prometheus and a console. Prints each run, then the time from start to completed rollback for
 * the faulty versions (goal: under 30 s), the time to promotion for the healthy ones, and the wrong decisions (goal:
 * none). Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify
 * -Dbench.main=dev.aviary.console.release.ReleaseBenchmark}.
 */
public final class ReleaseBenchmark {

  static final int RUNS_EACH = 10;
  /** The small size every build runs ({@code ReleaseBenchmarkTest}): one healthy and one faulty release. */
  static final int SMALL_RUNS_EACH = 1;
  static final int REQUESTS_PER_SECOND = 300;
  static final Duration STEP = Duration.ofSeconds(5);
  static final Duration WARM_WINDOW = Duration.ofSeconds(5);

  record Run(String tag, boolean faulty, ReleasePhase ended, double seconds, String message, long canaryRequests,
             long canaryFailures, long analyses) {
    boolean wrong() {
      return ended != (faulty ? ReleasePhase.ROLLED_BACK : ReleasePhase.PROMOTED);
    }
  }

  /** Held, so that java.util.logging cannot forget the level (it keeps loggers weakly). */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger(
      "io.fabric8.mockwebserver");

  public static void main(String[] args) throws Exception {
    run(args.length > 0 && args[0].equals("--small") ? SMALL_RUNS_EACH : RUNS_EACH);
    System.exit(0);
  }

  /** Runs {@code runsEach} healthy and as many faulty releases in turn, then prints the figures. */
  static void run(int runsEach) throws Exception {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("aviary-release-bench");
    List<Run> runs = new ArrayList<>();
    try (ReleaseRig rig = ReleaseRig.start(dir, REQUESTS_PER_SECOND,
        "aviary.releases.plan.step-duration=" + STEP.toSeconds() + "s",
        "aviary.releases.plan.warm-window=" + WARM_WINDOW.toSeconds() + "s",
        "aviary.releases.plan.ready-timeout=60s")) {
      rig.console("bench");
      System.out.printf(Locale.ROOT, "plan: steps %s, %d s per step, analysis %s; traffic %d requests/s%n",
          rig.releases().planFor(ReleaseRig.SERVICE).steps(), STEP.toSeconds(),
          rig.releases().planFor(ReleaseRig.SERVICE).limits(), REQUESTS_PER_SECOND);
      for (int i = 0; i < 2 * runsEach; i++) {
        boolean faulty = i % 2 == 1;
        Run run = run(rig, "3." + i + ".0" + (faulty ? "-faulty" : ""), faulty);
        runs.add(run);
        System.out.printf(Locale.ROOT, "run %2d %-14s %-11s in %5.1f s, %d analyses, canary served %d requests, %d "
                + "failed: %s%n", i + 1, run.tag(), run.ended(), run.seconds(), run.analyses(), run.canaryRequests(),
            run.canaryFailures(), run.message());
      }
    }
    report(runs);
  }

  private static Run run(ReleaseRig rig, String tag, boolean faulty) throws Exception {
    String version = rig.prepare(tag);
    long start = System.nanoTime();
    String name = rig.start(tag, version);
    Release done = rig.awaitFinished(name, Duration.ofMinutes(3));
    double seconds = (System.nanoTime() - start) / 1e9;
    TrafficDriver.Tally tally = rig.traffic().tally(version);
    Run run = new Run(tag, faulty, done.phase(), seconds, done.status().message(), tally.sent.get(),
        tally.failed.get(), done.status().analyses().size());
    rig.retire(done);
    return run;
  }

  private static void report(List<Run> runs) {
    double[] rollbacks = runs.stream().filter(Run::faulty).mapToDouble(Run::seconds).sorted().toArray();
    double[] promotions = runs.stream().filter(r -> !r.faulty()).mapToDouble(Run::seconds).sorted().toArray();
    long wrong = runs.stream().filter(Run::wrong).count();
    System.out.printf(Locale.ROOT, "faulty (FAULT_ERROR_RATE=%s): start -> rollback completed: median %.1f s, max %.1f"
            + " s (goal under 30 s: %s); canary requests failed before rollback: median %d%n",
        ReleaseRig.FAULT_ERROR_RATE, median(rollbacks), max(rollbacks), max(rollbacks) < 30 ? "met" : "NOT met",
        (long) median(runs.stream().filter(Run::faulty).mapToDouble(Run::canaryFailures).sorted().toArray()));
    System.out.printf(Locale.ROOT, "healthy: start -> promoted (5 steps of %d s, %d s warm window): median %.1f s, max "
        + "%.1f s%n", STEP.toSeconds(), WARM_WINDOW.toSeconds(), median(promotions), max(promotions));
    System.out.printf(Locale.ROOT, "wrong decisions: %d of %d runs (goal 0: %s)%n", wrong, runs.size(),
        wrong == 0 ? "met" : "NOT met");
    runs.stream().filter(Run::wrong).forEach(r -> System.out.printf(Locale.ROOT, "  wrong: %s ended %s: %s%n",
        r.tag(), r.ended(), r.message()));
  }

  private static double median(double[] sorted) {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }

  private static double max(double[] sorted) {
    return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).max().orElseThrow();
  }
}
