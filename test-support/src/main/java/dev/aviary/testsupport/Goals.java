package dev.aviary.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A benchmark's goals with what was measured against each: printed as its one "goals:" line, and asked by the test
 * that runs the benchmark's small size, so a missed goal or a figure that could not be measured fails the build
 * rather than only saying NOT met. A goal whose figure is not a number says "not measured", never "met".
 */
public final class Goals {

  /**
   * One goal: {@code measured} must stay below {@code limit} ({@code atMost}: at or below).
   *
   * @param figure how the measurement is written in the line, e.g. "worst 2100 ms"
   */
  public record Goal(String name, double measured, double limit, boolean atMost, String figure) {

    public boolean measuredAtAll() {
      return Double.isFinite(measured);
    }

    public boolean met() {
      return measuredAtAll() && (atMost ? measured <= limit : measured < limit);
    }

    String verdict() {
      return !measuredAtAll() ? "not measured" : met() ? "met" : "NOT met";
    }
  }

  private final Map<String, Goal> goals = new LinkedHashMap<>();

  /** A goal that {@code measured} stays below {@code limit}. */
  public Goals below(String name, double measured, double limit, String figure) {
    goals.put(name, new Goal(name, measured, limit, false, figure));
    return this;
  }

  /** A goal that {@code measured} stays at or below {@code limit}. */
  public Goals atMost(String name, double measured, double limit, String figure) {
    goals.put(name, new Goal(name, measured, limit, true, figure));
    return this;
  }

  public Goal goal(String name) {
    Goal goal = goals.get(name);
    if (goal == null) {
      throw new IllegalArgumentException("no goal '" + name + "'; the goals are " + goals.keySet());
    }
    return goal;
  }

  /** The same measurements held to a stricter (or looser) limit for one goal: what a tightened goal would say. */
  public Goals withLimit(String name, double limit) {
    Goals copy = new Goals();
    copy.goals.putAll(goals);
    Goal goal = goal(name);
    copy.goals.put(name, new Goal(name, goal.measured(), limit, goal.atMost(), goal.figure()));
    return copy;
  }

  /** "goals: next step after a shutdown under 5 s (worst 2100 ms): met; ...". */
  public String line() {
    return "goals: " + goals.values().stream().map(g -> g.name() + " (" + g.figure() + "): " + g.verdict())
        .collect(Collectors.joining("; "));
  }

  public Goals print() {
    System.out.println(line());
    return this;
  }

  /** Fails naming each of these goals that was missed or could not be measured. */
  public void assertMet(String... names) {
    List<String> missed = new ArrayList<>();
    for (String name : names) {
      if (!goal(name).met()) {
        missed.add(name + ": " + goal(name).verdict());
      }
    }
    if (!missed.isEmpty()) {
      throw new AssertionError("benchmark goals missed: " + missed + "\n" + line());
    }
  }

  /** Fails naming each goal whose figure could not be measured (not a number), whether or not it is judged here. */
  public void assertMeasured() {
    List<String> unmeasured = goals.values().stream().filter(g -> !g.measuredAtAll()).map(Goal::name).toList();
    if (!unmeasured.isEmpty()) {
      throw new AssertionError("benchmark figures not measured: " + unmeasured + "\n" + line());
    }
  }

  /** A figure written for a goal's line: {@code String.format} in the root locale. */
  public static String figure(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
