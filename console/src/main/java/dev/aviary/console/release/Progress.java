package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.WindowAnalysis;
import dev.aviary.console.routing.PreviewRoutes;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One step of a progressing release: set the step's weight, let it run, judge it, and move on, hold, pause or roll
 * back as the judgement and the limits say. The fixed-window judge looks once the step's time is up; the sequential
 * judge looks on every tick at everything counted since the canary started, rolls back the moment it finds the canary
 * worse, and moves on once the step's time is up and every check is shown to hold.
 */
final class Progress {

  /** How long after committing a weight the live routing may still show the old one. */
  private static final Duration SETTLE = Duration.ofSeconds(5);

  private final ReleaseWorld world;
  private final ReleaseSpec spec;
  private final ReleaseStatus status;
  private final Instant now;

  Progress(ReleaseWorld world, ReleaseSpec spec, ReleaseStatus status, Instant now) {
    this.world = world;
    this.spec = spec;
    this.status = status;
    this.now = now;
  }

  ReleaseStatus step() {
    Optional<ReleaseStatus> routed = route(spec.plan().steps().get(status.stepIndex()));
    if (routed.isPresent()) {
      return routed.get();
    }
    int target = spec.plan().weightAt(status.stepIndex());
    if (status.weight() != target) {
      return weigh(target);
    }
    Optional<ReleaseStatus> moved = movedOutside();
    if (moved.isPresent()) {
      return moved.get();
    }
    if (spec.plan().limits().sequential()) {
      return new SequentialStep(world, spec, status, now, this::advance).judge();
    }
    if (now.isBefore(status.since().plus(spec.plan().stepDuration()))) {
      return status;
    }
    AnalysisResult result = WindowAnalysis.assess(world.measure(spec, spec.plan().stepDuration()),
        spec.plan().limits()).at(now, target, spec.plan().steps().get(status.stepIndex()).label());
    return judged(status.analysed(result), result);
  }

  /** Commits the step's weight; for blue-green that is the switch, all users at once. */
  private ReleaseStatus weigh(int target) {
    String v = spec.canaryVersion();
    boolean switching = spec.plan().strategy().switches();
    String commit = world.setCanaryWeight(spec, target, switching
        ? "switch: all traffic to " + v + ", " + spec.stableVersion() + " stays up"
        : "step " + (status.stepIndex() + 1) + " of " + spec.plan().steps().size() + ": " + v + " " + target + "%");
    ReleaseStatus weighted = status.trafficSince() == null ? status.trafficSince(now) : status;
    return weighted.weight(target, now).message("running " + target + "% for "
        + Durations.text(spec.plan().stepDuration())).event(now, ReleaseEvent.CONTROLLER, switching
        ? "switched: all traffic to " + v : "step " + (status.stepIndex() + 1) + ": " + v + " at " + target + "%",
        commit);
  }

  /**
   * A match, mirror or preview step's route change, made once per step (the status remembers it): the step's window
   * starts then. The step right after a mirror stops the mirror first, so users never share with a mirrored canary.
   */
  private Optional<ReleaseStatus> route(PlanStep planned) {
    int index = status.stepIndex();
    String key = index + ":" + planned.spelled();
    boolean afterMirror = index > 0 && spec.plan().steps().get(index - 1) instanceof PlanStep.Mirror;
    if (key.equals(status.routed()) || planned instanceof PlanStep.Weight && !afterMirror) {
      return Optional.empty();
    }
    String v = spec.canaryVersion();
    String step = "step " + (index + 1) + " of " + spec.plan().steps().size() + ": ";
    String stopped = afterMirror && !(planned instanceof PlanStep.Mirror)
        ? world.mirror(spec, 0, step + "mirroring to " + v + " stops") : "";
    String event = "step " + (index + 1) + ": ";
    String preview = PreviewRoutes.name(spec.service());
    Routed routed = switch (planned) {
      case PlanStep.Weight w -> new Routed(stopped, "mirroring to " + v + " stopped");
      case PlanStep.Match m -> new Routed(world.routeMatching(spec, m.match(), step + "requests with " + m.label()
          + " to " + v), event + "requests with " + m.label() + " to " + v);
      case PlanStep.Mirror m -> new Routed(world.mirror(spec, m.percent(), step + "mirror " + m.percent()
          + "% of traffic to " + v), event + m.percent() + "% of traffic mirrored to " + v);
      case PlanStep.Preview p -> new Routed(world.preview(spec, step + "preview " + v + " at " + preview),
          event + v + " answers at " + preview + ", users stay on " + spec.stableVersion());
    };
    ReleaseStatus next = (status.trafficSince() == null ? status.trafficSince(now) : status).routed(key);
    return Optional.of(next.step(index, now).message(planned instanceof PlanStep.Weight ? status.message()
            : "running " + planned.label() + " for " + Durations.text(spec.plan().stepDuration()))
        .event(now, ReleaseEvent.CONTROLLER, routed.event(), routed.commit().isEmpty() ? stopped : routed.commit()));
  }

  /** What a route change committed, and how the release's history tells it. */
  private record Routed(String commit, String event) {
  }

  /** Someone changed the live weight without the release (the Services page, kubectl): the operator has the wheel. */
  private Optional<ReleaseStatus> movedOutside() {
    if (now.isBefore(status.since().plus(SETTLE))) {
      return Optional.empty();
    }
    return world.liveCanaryWeight(spec).filter(live -> live != status.weight())
        .map(live -> status.weight(live, now).phase(ReleasePhase.PAUSED, now, "the canary's weight was changed to "
            + live + "% outside the release; resume to continue the plan from there")
            .event(now, ReleaseEvent.CONTROLLER, "paused: live weight " + live + "% differs from the plan's "
                + status.weight() + "%", ""));
  }

  private ReleaseStatus judged(ReleaseStatus analysed, AnalysisResult result) {
    AnalysisLimits limits = spec.plan().limits();
    String at = " at " + result.where() + ": " + result.summary();
    return switch (result.outcome()) {
      case SUCCESSFUL -> advance(analysed.counts(analysed.failures(), 0, 0), result);
      case FAILED -> {
        ReleaseStatus counted = analysed.counts(analysed.failures() + 1, 0, 0);
        yield counted.failures() > limits.failureLimit()
            ? counted.phase(ReleasePhase.ROLLING_BACK, now, spec.canaryVersion() + " failed analysis" + at)
            : again(counted, "failed analysis " + counted.failures() + " of " + (limits.failureLimit() + 1) + at);
      }
      case INCONCLUSIVE -> {
        ReleaseStatus counted = analysed.counts(analysed.failures(), analysed.inconclusive() + 1, 0);
        yield counted.inconclusive() > limits.inconclusiveLimit()
            ? pause(counted, counted.inconclusive() + " inconclusive analyses in a row" + at)
            : again(counted, "inconclusive" + at);
      }
      case ERROR -> {
        ReleaseStatus counted = analysed.counts(analysed.failures(), 0, analysed.errors() + 1);
        yield counted.errors() > limits.errorLimit()
            ? pause(counted, counted.errors() + " analyses in a row could not measure" + at)
            : again(counted, "could not measure" + at);
      }
    };
  }

  ReleaseStatus advance(ReleaseStatus s, AnalysisResult result) {
    boolean last = s.stepIndex() == spec.plan().steps().size() - 1;
    ReleaseStatus next = last ? s.phase(ReleasePhase.PROMOTING, now, "every step passed")
        : s.step(s.stepIndex() + 1, now).message("step " + (s.stepIndex() + 1) + " passed");
    return next.event(now, ReleaseEvent.CONTROLLER, "analysis at " + result.where() + " successful", "");
  }

  /** Measures the same step again over a fresh window. */
  private ReleaseStatus again(ReleaseStatus s, String why) {
    return s.step(s.stepIndex(), now).message(why + "; measuring again")
        .event(now, ReleaseEvent.CONTROLLER, why, "");
  }

  private ReleaseStatus pause(ReleaseStatus s, String why) {
    return s.phase(ReleasePhase.PAUSED, now, why + "; not advancing until an operator resumes")
        .event(now, ReleaseEvent.CONTROLLER, "paused: " + why, "");
  }
}
