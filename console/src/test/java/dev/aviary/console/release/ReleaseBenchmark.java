package dev.aviary.console.release;

import dev.aviary.testsupport.BenchmarkOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two judges side by side on the real-parts rig of {@link ReleaseWithPrometheusTest}: platform-app processes, all
 * failing 0.2% of requests as real services do, Debian's Prometheus, 300 requests a second following the live routes,
 * a console with the default plan (5, 10, 25, 50, 100%) and 5-second steps. Each judge in turn runs the same
 * scenarios, interleaved: healthy (20 runs), a canary failing 20% of requests, one failing 0.8%, one 150 ms slower
 * (10 runs each). Prints each run, then per judge and scenario the wrong decisions, the traffic share the canary
 * reached, the time from start to the decision, and the canary's failed requests before rollback; then the sequential
 * judge's goals. Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify
 * -Dbench.main=dev.aviary.console.release.ReleaseBenchmark} (about three hours; {@code -Dbench.args=--small}:
 * one healthy and one 20% run per judge, about five minutes; {@code --runs=ERRORS_20:10,SLOW_150:10}: only those;
 * {@code --judges=sequential}: only that judge; both may be given, space-separated).
 */
public final class ReleaseBenchmark {

  static final int REQUESTS_PER_SECOND = 300;
  static final Duration STEP = Duration.ofSeconds(5);
  static final Duration WARM_WINDOW = Duration.ofSeconds(5);
  static final String BASELINE_ERRORS = "0.002";

  /** What a canary does, and how many runs of it a full benchmark makes. */
  enum Scenario {
    HEALTHY("", 20, "healthy"), ERRORS_20("-faulty", 10, "20% errors"), ERRORS_08("-errors-0.008", 10, "0.8% errors"),
    SLOW_150("-slow-150", 10, "+150 ms");

    final String suffix;
    final int runs;
    final String label;

    Scenario(String suffix, int runs, String label) {
      this.suffix = suffix;
      this.runs = runs;
      this.label = label;
    }

    boolean faulty() {
      return this != HEALTHY;
    }
  }

  record Run(Judgment.Method judge, Scenario scenario, String tag, ReleasePhase ended, double seconds, int reached,
             long canaryRequests, long canaryFailures, String message) {
    boolean wrong() {
      return ended != (scenario.faulty() ? ReleasePhase.ROLLED_BACK : ReleasePhase.PROMOTED);
    }
  }

  /** Held, so that java.util.logging cannot forget the level (it keeps loggers weakly). */
  private static final java.util.logging.Logger MOCK_SERVER_LOG = java.util.logging.Logger.getLogger(
      "io.fabric8.mockwebserver");

  public static void main(String[] args) throws Exception {
    List<String> options = BenchmarkOptions.of(args);
    String runs = option(options, "--runs=");
    String judges = option(options, "--judges=");
    run(options.contains("--small") ? Map.of(Scenario.HEALTHY, 1, Scenario.ERRORS_20, 1)
        : !runs.isEmpty() ? runs(runs) : full(),
        judges.isEmpty() ? List.of(Judgment.Method.values())
            : Arrays.stream(judges.split(",")).map(String::strip).map(Judgment.Method::of).toList());
    System.exit(0);
  }

  private static String option(List<String> options, String prefix) {
    return options.stream().filter(o -> o.startsWith(prefix)).map(o -> o.substring(prefix.length())).findFirst()
        .orElse("");
  }

  /** Runs per scenario as {@code ERRORS_20:10,SLOW_150:10}, for a part of the benchmark. */
  static Map<Scenario, Integer> runs(String spec) {
    Map<Scenario, Integer> runs = new EnumMap<>(Scenario.class);
    for (String part : spec.split(",")) {
      String[] scenarioAndRuns = part.split(":");
      runs.put(Scenario.valueOf(scenarioAndRuns[0].strip()), Integer.parseInt(scenarioAndRuns[1].strip()));
    }
    return runs;
  }

  static Map<Scenario, Integer> full() {
    Map<Scenario, Integer> runs = new EnumMap<>(Scenario.class);
    Arrays.stream(Scenario.values()).forEach(s -> runs.put(s, s.runs));
    return runs;
  }

  /** Runs the scenarios, {@code runs} of each, under each of the judges in turn, then prints the figures. */
  static void run(Map<Scenario, Integer> runs, List<Judgment.Method> judges) throws Exception {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("aviary-release-bench");
    List<Run> done = new ArrayList<>();
    try (ReleaseRig rig = ReleaseRig.startWithBaseline(dir, REQUESTS_PER_SECOND,
        Map.of("FAULT_ERROR_RATE", BASELINE_ERRORS), "aviary.releases.plan.step-duration=" + STEP.toSeconds() + "s",
        "aviary.releases.plan.warm-window=" + WARM_WINDOW.toSeconds() + "s",
        "aviary.releases.plan.ready-timeout=60s")) {
      int tag = 0;
      for (Judgment.Method judge : judges) {
        String console = "bench-" + judge.word();
        rig.console(console, "aviary.releases.plan.judge=" + judge.word());
        System.out.printf(Locale.ROOT, "judge %s: steps %s, %d s per step, every version failing %s of requests, %d "
                + "requests/s%n", judge.word(), rig.releases().planFor(ReleaseRig.SERVICE).steps().stream()
                .map(PlanStep::spelled).toList(), STEP.toSeconds(), BASELINE_ERRORS, REQUESTS_PER_SECOND);
        for (Scenario scenario : interleaved(runs)) {
          Run run = run(rig, judge, scenario, "3." + tag++ + ".0" + scenario.suffix);
          done.add(run);
          System.out.printf(Locale.ROOT, "  %-10s %-11s %-20s %-11s in %5.1f s at %3d%%, canary served %d, %d failed:"
              + " %s%n", judge.word(), scenario.label, run.tag(), run.ended(), run.seconds(), run.reached(),
              run.canaryRequests(), run.canaryFailures(), run.message());
        }
        rig.stopConsole(console);
      }
    }
    new ReleaseBenchmarkReport(done).print();
  }

  /** The scenarios in turn (healthy, 20%, 0.8%, slow, healthy, ...), so that every one meets the same conditions. */
  static List<Scenario> interleaved(Map<Scenario, Integer> runs) {
    List<Scenario> order = new ArrayList<>();
    int most = runs.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    for (int i = 0; i < most; i++) {
      for (Scenario s : Scenario.values()) {
        if (i < runs.getOrDefault(s, 0)) {
          order.add(s);
        }
      }
    }
    return order;
  }

  private static Run run(ReleaseRig rig, Judgment.Method judge, Scenario scenario, String tag) throws Exception {
    String version = rig.prepare(tag);
    long start = System.nanoTime();
    String name = rig.start(tag, version);
    Release done = rig.awaitFinished(name, Duration.ofMinutes(15));
    double seconds = (System.nanoTime() - start) / 1e9;
    TrafficDriver.Tally tally = rig.traffic().tally(version);
    int reached = done.spec().plan().weightAt(done.status().stepIndex());
    Run run = new Run(judge, scenario, tag, done.phase(), seconds, reached, tally.sent.get(), tally.failed.get(),
        done.status().message());
    rig.retire(done);
    return run;
  }
}
