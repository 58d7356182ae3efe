package dev.aviary.console.release;

import dev.aviary.console.analysis.Judgment;
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
 * failing 0.2% of requests as real services do, Debian's Prometheus, 300 requests a second following the live routes
 * (a fifth of them testers' calls to a preview, while there is one), a console with the default plans (canary 5, 10,
 * 25, 50, 100%; mirrored canary mirror 20%, 10, 25, 50, 100%; blue-green preview, 100%) and 5-second steps. Each
 * judge in turn runs the same scenarios, interleaved: healthy canaries (20 runs), canaries failing 20% of requests,
 * 0.8%, or 150 ms slower, blue-green releases healthy and failing 20%, and mirrored canaries failing 20% (10 runs
 * each). Prints each run, then per judge and scenario the wrong decisions, the user traffic share the new version
 * reached, the time from start to the decision, and the user requests the new version failed; then the sequential
 * judge's goals and the strategies' goals. Run: {@code ./mvnw -q -Pconsole-bench -pl console -am verify
 * -Dbench.main=dev.aviary.console.release.ReleaseBenchmark} (about three and a half hours; {@code -Dbench.args=--small}:
 * one run of the healthy, 20%, blue-green and mirrored scenarios per judge on the shorter {@link #SMALL_PLAN};
 * {@code --runs=ERRORS_20:10,SLOW_150:10}: only those; {@code --judges=sequential}: only that judge; both may be
 * given, space-separated).
 */
public final class ReleaseBenchmark {

  static final int REQUESTS_PER_SECOND = 300;
  static final Duration STEP = Duration.ofSeconds(5);
  static final Duration WARM_WINDOW = Duration.ofSeconds(5);
  static final String BASELINE_ERRORS = "0.002";
  /**
   * The small size's plan: a first step of 25% rather than 5% gives the canary five times the requests, so the
   * sequential judge shows a healthy one within its limits in seconds rather than minutes; every strategy's paths
   * are still taken.
   */
  static final List<String> SMALL_PLAN = List.of("aviary.releases.plan.steps=25,100",
      "aviary.releases.plan.mirrored-steps=mirror:20,25,100");
  /** The share of requests that are testers' calls to a preview while there is one. */
  static final double PREVIEW_SHARE = 0.2;

  /** What a canary does, and how many runs of it a full benchmark makes. */
  enum Scenario {
    HEALTHY("", 20, "healthy", ReleaseStrategy.CANARY),
    ERRORS_20("-faulty", 10, "20% errors", ReleaseStrategy.CANARY),
    ERRORS_08("-errors-0.008", 10, "0.8% errors", ReleaseStrategy.CANARY),
    SLOW_150("-slow-150", 10, "+150 ms", ReleaseStrategy.CANARY),
    BLUE_GREEN_HEALTHY("", 10, "b-g healthy", ReleaseStrategy.BLUE_GREEN),
    BLUE_GREEN_20("-faulty", 10, "b-g 20%", ReleaseStrategy.BLUE_GREEN),
    MIRRORED_20("-faulty", 10, "mirrored 20%", ReleaseStrategy.MIRRORED_CANARY);

    /** The small size: each strategy's paths once, as CI runs them (on {@link ReleaseBenchmark#SMALL_PLAN}). */
    static final Map<Scenario, Integer> SMALL = Map.of(HEALTHY, 1, ERRORS_20, 1, BLUE_GREEN_HEALTHY, 1,
        BLUE_GREEN_20, 1, MIRRORED_20, 1);

    final String suffix;
    final int runs;
    final String label;
    final ReleaseStrategy strategy;

    Scenario(String suffix, int runs, String label, ReleaseStrategy strategy) {
      this.suffix = suffix;
      this.runs = runs;
      this.label = label;
      this.strategy = strategy;
    }

    boolean faulty() {
      return !suffix.isEmpty();
    }
  }

  /**
   * One release and how it ended.
   *
   * @param reached      the user traffic share the new version had when the release was decided
   * @param userRequests users' requests the new version answered (not testers' preview calls, not mirrored copies)
   * @param userFailures how many of those failed: what users saw of it
   * @param unseen       preview calls and mirrored copies the new version answered, whose failures no user saw
   */
  record Run(Judgment.Method judge, Scenario scenario, String tag, ReleasePhase ended, double seconds, int reached,
             long userRequests, long userFailures, long unseen, String message) {
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
    boolean small = options.contains("--small");
    run(small ? Scenario.SMALL : !runs.isEmpty() ? runs(runs) : full(),
        judges.isEmpty() ? List.of(Judgment.Method.values())
            : Arrays.stream(judges.split(",")).map(String::strip).map(Judgment.Method::of).toList(),
        small ? SMALL_PLAN : List.of());
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

  /**
   * Runs the scenarios, {@code runs} of each, under each of the judges in turn, then prints the figures.
   *
   * @param plan settings that replace the default plan's, e.g. {@link #SMALL_PLAN}
   */
  static void run(Map<Scenario, Integer> runs, List<Judgment.Method> judges, List<String> plan) throws Exception {
    MOCK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    Path dir = Files.createTempDirectory("aviary-release-bench");
    List<Run> done = new ArrayList<>();
    List<String> settings = new ArrayList<>(List.of("aviary.releases.plan.step-duration=" + STEP.toSeconds() + "s",
        "aviary.releases.plan.warm-window=" + WARM_WINDOW.toSeconds() + "s", "aviary.releases.plan.ready-timeout=60s"));
    settings.addAll(plan);
    try (ReleaseRig rig = ReleaseRig.startWithBaseline(dir, REQUESTS_PER_SECOND,
        Map.of("FAULT_ERROR_RATE", BASELINE_ERRORS), settings.toArray(String[]::new))) {
      rig.traffic().previewing(PREVIEW_SHARE);
      int tag = 0;
      for (Judgment.Method judge : judges) {
        String console = "bench-" + judge.word();
        rig.console(console, "aviary.releases.plan.judge=" + judge.word());
        System.out.printf(Locale.ROOT, "judge %s: steps %s (mirrored %s, blue-green %s), %d s per step, every "
                + "version failing %s of requests, %d requests/s%n", judge.word(), steps(rig, ReleaseStrategy.CANARY),
            steps(rig, ReleaseStrategy.MIRRORED_CANARY), steps(rig, ReleaseStrategy.BLUE_GREEN), STEP.toSeconds(),
            BASELINE_ERRORS, REQUESTS_PER_SECOND);
        for (Scenario scenario : interleaved(runs)) {
          Run run = run(rig, judge, scenario, "3." + tag++ + ".0" + scenario.suffix);
          done.add(run);
          System.out.printf(Locale.ROOT, "  %-10s %-12s %-20s %-11s in %5.1f s at %3d%%, served users %d, %d failed, "
              + "%d unseen: %s%n", judge.word(), scenario.label, run.tag(), run.ended(), run.seconds(), run.reached(),
              run.userRequests(), run.userFailures(), run.unseen(), run.message());
        }
        rig.stopConsole(console);
      }
    }
    new ReleaseBenchmarkReport(done).print();
  }

  private static List<Object> steps(ReleaseRig rig, ReleaseStrategy strategy) {
    return rig.releases().planFor(ReleaseRig.SERVICE, strategy).steps().stream().map(PlanStep::spelled).toList();
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
    String name = rig.start(tag, version, scenario.strategy);
    Release done = rig.awaitFinished(name, Duration.ofMinutes(15));
    double seconds = (System.nanoTime() - start) / 1e9;
    TrafficDriver.Tally tally = rig.traffic().tally(version);
    int reached = done.spec().plan().weightAt(done.status().stepIndex());
    long unseen = rig.traffic().previewed(version).sent.get() + rig.traffic().mirrored(version).sent.get();
    Run run = new Run(judge, scenario, tag, done.phase(), seconds, reached, tally.sent.get(), tally.failed.get(),
        unseen, done.status().message());
    rig.retire(done);
    return run;
  }
}
