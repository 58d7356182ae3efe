package dev.aviary.console.release;

import dev.aviary.console.analysis.Judgment;
import dev.aviary.console.release.ReleaseBenchmark.Run;
import dev.aviary.console.release.ReleaseBenchmark.Scenario;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The release benchmark's figures per judge and scenario, and the sequential judge's goals. */
final class ReleaseBenchmarkReport {

  private final List<Run> runs;

  ReleaseBenchmarkReport(List<Run> runs) {
    this.runs = runs;
  }

  void print() {
    System.out.printf(Locale.ROOT, "%-10s %-12s %5s %6s %-22s %-24s %s%n", "judge", "scenario", "runs", "wrong",
        "users reached (med/max)", "start->decision (med/max)", "failed user requests (med/max)");
    for (Judgment.Method judge : Judgment.Method.values()) {
      for (Scenario scenario : Scenario.values()) {
        List<Run> these = runs.stream().filter(r -> r.judge() == judge && r.scenario() == scenario).toList();
        if (!these.isEmpty()) {
          System.out.printf(Locale.ROOT, "%-10s %-12s %5d %6d %8s%% / %4s%%         %7s s / %7s s         %6s / %s%n",
              judge.word(), scenario.label, these.size(), these.stream().filter(Run::wrong).count(),
              whole(these, Run::reached, 0.5), whole(these, Run::reached, 1), tenth(these, Run::seconds, 0.5),
              tenth(these, Run::seconds, 1), whole(these, Run::userFailures, 0.5),
              whole(these, Run::userFailures, 1));
        }
      }
    }
    goals();
    strategyGoals();
    runs.stream().filter(Run::wrong).forEach(r -> System.out.printf(Locale.ROOT, "  wrong: %s %s %s ended %s: %s%n",
        r.judge().word(), r.scenario().label, r.tag(), r.ended(), r.message()));
  }

  private void goals() {
    List<Run> sequential = runs.stream().filter(r -> r.judge() == Judgment.Method.SEQUENTIAL).toList();
    if (sequential.isEmpty()) {
      return;
    }
    long falseRollbacks = of(sequential, Scenario.HEALTHY).stream().filter(Run::wrong).count();
    List<Run> subtle = of(sequential, Scenario.ERRORS_08);
    List<Run> loud = of(sequential, Scenario.ERRORS_20);
    List<Run> slow = of(sequential, Scenario.SLOW_150);
    System.out.printf(Locale.ROOT, "sequential goals: false rollbacks %d of %d healthy (goal 0: %s); 0.8%% canaries "
            + "rolled back within 25%% of traffic %d of %d (goal all: %s); 20%% canary failed requests median %s "
            + "(goal <= 10: %s); +150 ms rolled back %d of %d (goal >= 9 of 10: %s)%n",
        falseRollbacks, of(sequential, Scenario.HEALTHY).size(), of(sequential, Scenario.HEALTHY).isEmpty() ? "-"
            : falseRollbacks == 0 ? "met" : "NOT met",
        subtle.stream().filter(r -> !r.wrong() && r.reached() <= 25).count(), subtle.size(), subtle.isEmpty() ? "-"
            : subtle.stream().allMatch(r -> !r.wrong() && r.reached() <= 25) ? "met" : "NOT met",
        whole(loud, Run::userFailures, 0.5), loud.isEmpty() ? "-"
            : quantile(loud, Run::userFailures, 0.5) <= 10 ? "met" : "NOT met",
        slow.stream().filter(r -> !r.wrong()).count(), slow.size(),
        slow.isEmpty() ? "-" : slow.stream().filter(r -> !r.wrong()).count() * 10 >= 9L * slow.size() ? "met"
            : "NOT met");
  }

  /** Blue-green and mirrored releases: no wrong decision, and no user sees a faulty one's failures. */
  private void strategyGoals() {
    List<Run> strategies = runs.stream().filter(r -> r.scenario().strategy != ReleaseStrategy.CANARY).toList();
    if (strategies.isEmpty()) {
      return;
    }
    long wrong = strategies.stream().filter(Run::wrong).count();
    List<Run> faulty = strategies.stream().filter(r -> r.scenario().faulty()).toList();
    long seen = faulty.stream().mapToLong(Run::userFailures).sum();
    System.out.printf(Locale.ROOT, "strategy goals: wrong decisions %d of %d blue-green and mirrored runs "
            + "(goal 0: %s); user-visible failed requests in %d faulty blue-green and mirrored runs %d (goal 0: %s), "
            + "while those answered %d preview calls and mirrored copies no user saw%n", wrong, strategies.size(),
        wrong == 0 ? "met" : "NOT met", faulty.size(), seen, faulty.isEmpty() ? "-" : seen == 0 ? "met" : "NOT met",
        faulty.stream().mapToLong(Run::unseen).sum());
  }

  private static List<Run> of(List<Run> runs, Scenario scenario) {
    return runs.stream().filter(r -> r.scenario() == scenario).toList();
  }

  /** Interpolated between the two nearest runs, so that the median of an even number is the middle two's mean. */
  private static double quantile(List<Run> runs, ToDoubleFunction<Run> figure, double q) {
    double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  /** A count or a share: whole, or with its half when it is a median between two runs. */
  private static String whole(List<Run> runs, ToDoubleFunction<Run> figure, double q) {
    if (runs.isEmpty()) {
      return "-";
    }
    double value = quantile(runs, figure, q);
    return value == Math.rint(value) ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String tenth(List<Run> runs, ToDoubleFunction<Run> figure, double q) {
    return runs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.1f", quantile(runs, figure, q));
  }
}
