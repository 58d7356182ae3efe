package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;

import java.time.Duration;
import java.util.List;

/**
 * How a release moves: its steps ({@link PlanStep}: the canary's traffic weight, a header or cookie route, a mirror),
 * how long each step runs before it is judged (the analysis window), what it is judged against, how long the previous
 * version stays warm after promotion, and how long the canary may take to become ready.
 */
public record ReleasePlan(List<PlanStep> steps, Duration stepDuration, AnalysisLimits limits, Duration warmWindow,
                          Duration readyTimeout) {

  public static final List<PlanStep> DEFAULT_STEPS = weights(List.of(5, 10, 25, 50, 100));

  public ReleasePlan {
    steps = List.copyOf(steps);
    checkSteps(steps);
    positive(stepDuration, "stepDuration");
    positive(readyTimeout, "readyTimeout");
    if (warmWindow == null || warmWindow.isNegative()) {
      throw new IllegalArgumentException("warmWindow must not be negative, got " + warmWindow);
    }
  }

  /** Steps that only move weight, e.g. {@code [5, 10, 25, 50, 100]}. */
  public static List<PlanStep> weights(List<Integer> percents) {
    return percents.stream().<PlanStep>map(PlanStep.Weight::new).toList();
  }

  /** The strategy the steps make. */
  public ReleaseStrategy strategy() {
    return ReleaseStrategy.of(steps);
  }

  /** This plan with other steps: a strategy's, with the same timing and limits. */
  public ReleasePlan withSteps(List<PlanStep> other) {
    return new ReleasePlan(other, stepDuration, limits, warmWindow, readyTimeout);
  }

  /** The steps as the views show them: {@code mirror 20% → 10% → 100%}. */
  public String describeSteps() {
    return String.join(" → ", steps.stream().map(PlanStep::label).toList());
  }

  /**
   * Weights rise strictly and end at 100 (the promotion); mirroring only before any user traffic, so users only ever
   * get the stable's answers while it runs; one request match at most (a later one would replace it); a preview only
   * as a blue-green release's whole plan, {@code [preview, 100]}, so the switch is one commit.
   */
  private static void checkSteps(List<PlanStep> steps) {
    String spelled = steps.stream().map(PlanStep::label).toList().toString();
    if (steps.stream().anyMatch(PlanStep.Preview.class::isInstance)
        && !steps.equals(ReleaseStrategy.BLUE_GREEN_STEPS)) {
      throw new IllegalArgumentException("a preview step makes a blue-green release, whose steps are exactly "
          + "[preview, 100] (judged on the preview, then switched), got " + spelled);
    }
    if (steps.isEmpty() || !(steps.getLast() instanceof PlanStep.Weight last) || last.percent() != 100) {
      throw new IllegalArgumentException("steps must end at a weight of 100, got " + spelled);
    }
    int weight = 0;
    for (PlanStep step : steps) {
      if (step instanceof PlanStep.Weight w) {
        if (w.percent() <= weight) {
          throw new IllegalArgumentException("weights must rise strictly from 1 to 100, got " + spelled);
        }
        weight = w.percent();
      } else if (step instanceof PlanStep.Mirror && weight > 0) {
        throw new IllegalArgumentException("mirror steps must come before any weight step (users get only the "
            + "stable's answers while mirroring), got " + spelled);
      }
    }
    if (steps.stream().filter(PlanStep.Match.class::isInstance).count() > 1) {
      throw new IllegalArgumentException("one request match step at most, got " + spelled);
    }
  }

  /** The user traffic share the canary has while step {@code index} runs: mirrors and matches add none. */
  public int weightAt(int index) {
    int weight = 0;
    for (int i = 0; i <= index; i++) {
      if (steps.get(i) instanceof PlanStep.Weight w) {
        weight = w.percent();
      }
    }
    return weight;
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  /** The first weight step above {@code weight}, or the last step: where a plan continues after an operator moved it. */
  int stepAbove(int weight) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) instanceof PlanStep.Weight w && w.percent() > weight) {
        return i;
      }
    }
    return steps.size() - 1;
  }
}
