package dev.aviary.console.analysis;

import dev.aviary.console.analysis.Check.Evidence;
import dev.aviary.console.analysis.Check.Verdict;
import dev.aviary.console.metrics.Counts;
import dev.aviary.console.statistics.Comparison;
import dev.aviary.console.statistics.Interval;
import dev.aviary.console.statistics.ProportionSequence;
import dev.aviary.console.statistics.Tally;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sequential judge, without side effects: four anytime-valid checks on the counts since the canary started
 * (see {@code statistics}), each saying WORSE (roll back), FINE (the step may pass) or UNDECIDED. "Could not measure"
 * (Error) is decided before anything is judged; "too few requests yet" is UNDECIDED, never FINE.
 */
public final class SequentialAnalysis {

  /**
   * The checks share alpha equally, so a canary as good as the stable and within its limits is rolled back by any of
   * them with probability at most alpha over the whole release.
   */
  static final int CHECKS = 4;
  /** A p99 limit is a budget: at most 1% of requests slower than it. */
  static final double SLOW_BUDGET = 0.01;
  /** Evidence beyond this is shown as this: it is decided long before, and a status must hold finite numbers. */
  private static final double MOST_EVIDENCE = 1e12;

  private SequentialAnalysis() {
  }

  public static AnalysisResult assess(CanaryCounts counts, AnalysisLimits limits) {
    Optional<String> unmeasurable = unmeasurable(counts, limits);
    if (unmeasurable.isPresent()) {
      return result(AnalysisResult.Outcome.ERROR, List.of(), "could not measure: " + unmeasurable.get());
    }
    Optional<Double> bound = budgetBound(counts.canaryTimed(), limits.maxP99Millis());
    double alpha = limits.judgment().alpha() / CHECKS;
    List<Check> checks = List.of(errorsVsStable(counts, limits, alpha), errorBudget(counts, limits, alpha),
        latencyBudget(counts, limits, bound.orElse(limits.maxP99Millis()), alpha),
        latencyVsStable(counts, limits, alpha));
    List<Check> worse = checks.stream().filter(c -> c.evidence().verdict() == Verdict.WORSE).toList();
    if (!worse.isEmpty()) {
      return result(AnalysisResult.Outcome.FAILED, checks, worse.stream().map(Findings::shown)
          .collect(Collectors.joining("; ")));
    }
    List<Check> open = checks.stream().filter(c -> c.evidence().verdict() == Verdict.UNDECIDED).toList();
    return open.isEmpty() ? result(AnalysisResult.Outcome.SUCCESSFUL, checks, "every limit shown to hold with "
        + Findings.percent(1 - limits.judgment().alpha()) + " confidence")
        : result(AnalysisResult.Outcome.INCONCLUSIVE, checks, "not decided yet: " + open.stream()
            .map(c -> open(c, counts, limits)).collect(Collectors.joining("; ")));
  }

  /**
   * Whether the judge rolls the canary back on these counts: the verdicts {@link #assess} reaches, without the
   * intervals and evidence figures it adds for the operator (which cost a root search each). For simulations that
   * look millions of times.
   */
  public static boolean rollsBack(CanaryCounts counts, AnalysisLimits limits) {
    if (unmeasurable(counts, limits).isPresent()) {
      return false;
    }
    double alpha = limits.judgment().alpha() / CHECKS;
    Tally errors = errors(counts.canary());
    Optional<Double> bound = budgetBound(counts.canaryTimed(), limits.maxP99Millis());
    return new Comparison(errors, errors(counts.stable()), 1, alpha).worse()
        || ProportionSequence.above(errors, 1 - limits.minSuccessRatio(), alpha)
        || bound.isPresent() && ProportionSequence.above(slower(counts.canaryTimed(), bound.get()), SLOW_BUDGET, alpha)
        || latencyComparisons(counts, limits, alpha).stream().anyMatch(Comparison::worse);
  }

  private static Check errorsVsStable(CanaryCounts counts, AnalysisLimits limits, double alpha) {
    Tally canary = errors(counts.canary());
    Comparison comparison = new Comparison(canary, errors(counts.stable()), 1, alpha);
    Interval difference = comparison.difference();
    Verdict verdict = comparison.worse() ? Verdict.WORSE : enough(canary, limits)
        && difference.upper() <= limits.maxSuccessDrop() ? Verdict.FINE : Verdict.UNDECIDED;
    return new Check("error ratio vs stable", Check.Unit.RATIO, share(canary), share(errors(counts.stable())),
        "not above stable's; passes within +" + points(limits.maxSuccessDrop()), verdict != Verdict.WORSE,
        evidence(verdict, comparison, difference, canary));
  }

  private static Check errorBudget(CanaryCounts counts, AnalysisLimits limits, double alpha) {
    return budget("error ratio", errors(counts.canary()), errors(counts.stable()), 1 - limits.minSuccessRatio(),
        limits, alpha);
  }

  private static Check latencyBudget(CanaryCounts counts, AnalysisLimits limits, double bound, double alpha) {
    return budget("requests slower than " + Findings.millis(bound), slower(counts.canaryTimed(), bound),
        slower(counts.stableTimed(), bound), SLOW_BUDGET, limits, alpha);
  }

  private static Check budget(String metric, Tally canary, Tally stable, double budget, AnalysisLimits limits,
                              double alpha) {
    Interval interval = ProportionSequence.interval(canary, alpha);
    Verdict verdict = ProportionSequence.above(canary, budget, alpha) ? Verdict.WORSE
        : enough(canary, limits) && interval.upper() <= budget ? Verdict.FINE : Verdict.UNDECIDED;
    double evidence = canary.trials() > 0 && canary.share() > budget
        ? ProportionSequence.evidence(canary, budget) : 1;
    return new Check(metric, Check.Unit.RATIO, share(canary), share(stable), "<= " + Findings.percent(budget),
        verdict != Verdict.WORSE, new Evidence(verdict, Math.min(evidence, MOST_EVIDENCE), 1 / alpha,
            canary.trials() > 0 ? canary.share() : 0, interval.lower(), interval.upper(), canary.trials(), false));
  }

  /** Compared at every histogram bound from the slack up, alpha split over them; the bound nearest to a finding shows. */
  private static Check latencyVsStable(CanaryCounts counts, AnalysisLimits limits, double alpha) {
    double factor = limits.maxLatencyFactor();
    List<Double> bounds = comparedBounds(counts, limits);
    List<Comparison> comparisons = latencyComparisons(counts, limits, alpha);
    Tally timed = new Tally(0, counts.canaryTimed().timed());
    int lead = comparisons.isEmpty() ? -1 : comparisons.indexOf(comparisons.stream()
        .max(Comparator.comparingDouble(c -> Math.log(c.evidence()) - Math.log(c.needed()))).orElseThrow());
    boolean worse = comparisons.stream().anyMatch(Comparison::worse);
    Verdict verdict = worse ? Verdict.WORSE : enough(timed, limits) && lead >= 0 ? Verdict.FINE : Verdict.UNDECIDED;
    String limit = "<= " + Findings.number(factor) + "x stable's";
    if (lead < 0) {
      return new Check("slower requests vs stable", Check.Unit.RATIO, null, null, limit, true,
          new Evidence(verdict, 1, 2 * CHECKS / limits.judgment().alpha(), 0, -factor, 1, timed.trials(), true));
    }
    Comparison c = comparisons.get(lead);
    return new Check("requests slower than " + Findings.millis(bounds.get(lead)) + " vs stable",
        Check.Unit.RATIO, share(c.candidate()), share(c.baseline()), limit, !worse,
        evidence(verdict, c, c.difference(), timed));
  }

  /** Histogram bounds from the slack up that both versions have. */
  private static List<Double> comparedBounds(CanaryCounts counts, AnalysisLimits limits) {
    return counts.canaryTimed().atMostMillis().keySet().stream().filter(b -> Double.isFinite(b)
        && b >= limits.latencySlackMillis() && counts.stableTimed().atMostMillis().containsKey(b)).toList();
  }

  private static List<Comparison> latencyComparisons(CanaryCounts counts, AnalysisLimits limits, double alpha) {
    List<Double> bounds = comparedBounds(counts, limits);
    List<Comparison> comparisons = new ArrayList<>();
    for (double b : bounds) {
      comparisons.add(new Comparison(slower(counts.canaryTimed(), b), slower(counts.stableTimed(), b),
          limits.maxLatencyFactor(), alpha / bounds.size()));
    }
    return comparisons;
  }

  private static Evidence evidence(Verdict verdict, Comparison comparison, Interval difference, Tally counted) {
    Tally candidate = comparison.candidate();
    Tally baseline = comparison.baseline();
    double estimate = candidate.trials() > 0 && baseline.trials() > 0
        ? candidate.share() - comparison.factor() * baseline.share() : 0;
    return new Evidence(verdict, Math.min(comparison.evidence(), MOST_EVIDENCE), comparison.needed(), estimate,
        difference.lower(), difference.upper(), counted.trials(), true);
  }

  private static Optional<String> unmeasurable(CanaryCounts counts, AnalysisLimits limits) {
    if (counts.failure() != null) {
      return Optional.of(counts.failure());
    }
    if (counts.canaryTimed().timed() > 0 && budgetBound(counts.canaryTimed(), limits.maxP99Millis()).isEmpty()) {
      return Optional.of("the latency histogram has no bound at or above the "
          + Findings.millis(limits.maxP99Millis()) + " limit");
    }
    return Optional.empty();
  }

  /** The first histogram bound at or above the p99 limit: the budget is judged there. */
  private static Optional<Double> budgetBound(Counts timed, double limitMillis) {
    return Optional.ofNullable(timed.atMostMillis().ceilingKey(limitMillis)).filter(Double::isFinite);
  }

  private static boolean enough(Tally tally, AnalysisLimits limits) {
    return tally.trials() >= limits.minRequests();
  }

  private static Tally errors(Counts counts) {
    return new Tally(counts.errors(), counts.requests());
  }

  private static Tally slower(Counts timed, double bound) {
    return timed.atMostMillis().containsKey(bound) ? new Tally(timed.slowerThan(bound), timed.timed()) : Tally.NONE;
  }

  private static Double share(Tally tally) {
    return tally.trials() > 0 ? tally.share() : null;
  }

  private static String open(Check c, CanaryCounts counts, AnalysisLimits limits) {
    Evidence e = c.evidence();
    if (e.counted() < limits.minRequests()) {
      return c.metric() + ": " + Math.round(e.counted()) + " of " + limits.minRequests() + " requests"
          + (counts.warmingUp() && c.metric().contains("slower") ? " (warming up)" : "");
    }
    return c.metric() + ": up to " + c.estimated(e.high()) + " still possible, limit " + c.limit();
  }

  private static String points(double ratio) {
    return Findings.number(ratio * 100) + " pt";
  }

  private static AnalysisResult result(AnalysisResult.Outcome outcome, List<Check> checks, String summary) {
    return new AnalysisResult(outcome, null, 0, checks, summary, null);
  }
}
