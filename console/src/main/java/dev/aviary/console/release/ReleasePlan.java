package dev.aviary.console.release;

import java.time.Duration;
import java.util.List;

/**
 * How a release moves: the canary's traffic weight at each step, how long each step runs before it is judged (the
 * analysis window), what it is judged against, how long the previous version stays warm after promotion, and how
 * long the canary may take to become ready.
 */
public record ReleasePlan(List<Integer> steps, Duration stepDuration, AnalysisLimits limits, Duration warmWindow,
                          Duration readyTimeout) {

  public static final List<Integer> DEFAULT_STEPS = List.of(5, 10, 25, 50, 100);

  public ReleasePlan {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.getLast() != 100) {
      throw new IllegalArgumentException("steps must end at 100, got " + steps);
    }
    for (int i = 0; i < steps.size(); i++) {
      int weight = steps.get(i);
      if (weight < 1 || weight > 100 || i > 0 && weight <= steps.get(i - 1)) {
        throw new IllegalArgumentException("steps must rise strictly from 1 to 100, got " + steps);
      }
    }
    positive(stepDuration, "stepDuration");
    positive(readyTimeout, "readyTimeout");
    if (warmWindow == null || warmWindow.isNegative()) {
      throw new IllegalArgumentException("warmWindow must not be negative, got " + warmWindow);
    }
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  /** The first step above {@code weight}, or the last step: where a plan continues after an operator moved it. */
  int stepAbove(int weight) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) > weight) {
        return i;
      }
    }
    return steps.size() - 1;
  }
}
