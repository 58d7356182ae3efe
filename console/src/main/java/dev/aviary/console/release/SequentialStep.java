package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisLimits;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.CanaryCounts;
import dev.aviary.console.analysis.Look;
import dev.aviary.console.analysis.SequentialAnalysis;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * A progressing step under the sequential judge: count since the canary started, judge, and roll back at once on a
 * finding; pass once the step's time is up and every check holds; pause when no decision comes within the plan's
 * decision timeout, or when the counts cannot be read for several looks in a row. The latest look is kept in the
 * status every few seconds (and whenever its outcome changes), with a point on the release's trail, so the Releases
 * page shows the evidence as it grows without a status write on every tick.
 */
final class SequentialStep {

  /** How often the latest look is stored, and how far apart looks that could not measure are counted. */
  static final Duration LOOK = Duration.ofSeconds(5);

  private final ReleaseWorld world;
  private final ReleaseSpec spec;
  private final ReleaseStatus status;
  private final Instant now;
  private final BiFunction<ReleaseStatus, AnalysisResult, ReleaseStatus> advance;

  SequentialStep(ReleaseWorld world, ReleaseSpec spec, ReleaseStatus status, Instant now,
                 BiFunction<ReleaseStatus, AnalysisResult, ReleaseStatus> advance) {
    this.world = world;
    this.spec = spec;
    this.status = status;
    this.now = now;
    this.advance = advance;
  }

  ReleaseStatus judge() {
    AnalysisLimits limits = spec.plan().limits();
    Instant from = status.trafficSince() == null ? status.since() : status.trafficSince();
    Duration counted = Duration.between(from, now);
    CanaryCounts counts = world.count(spec, counted, counted.minus(limits.judgment().warmUp()));
    AnalysisResult result = SequentialAnalysis.assess(counts, limits).at(now, status.weight(),
        spec.plan().steps().get(status.stepIndex()).label());
    String at = " at " + result.where() + ": " + result.summary();
    Look look = Look.of(result, counts);
    return switch (result.outcome()) {
      case FAILED -> status.analysed(result).evidence(result).looked(look).counts(status.failures() + 1, 0, 0)
          .phase(ReleasePhase.ROLLING_BACK, now, spec.canaryVersion() + " failed analysis" + at);
      case SUCCESSFUL -> timeUp() ? advance.apply(status.analysed(result).evidence(null).looked(look)
          .counts(status.failures(), 0, 0), result) : keep(result, look);
      case INCONCLUSIVE -> decisionDue() ? pause(result, "no decision within "
          + Durations.text(limits.judgment().decisionTimeout()) + at) : keep(result, look);
      case ERROR -> couldNotMeasure(result, at);
    };
  }

  private boolean timeUp() {
    return !now.isBefore(status.since().plus(spec.plan().stepDuration()));
  }

  private boolean decisionDue() {
    return !now.isBefore(status.since().plus(spec.plan().stepDuration())
        .plus(spec.plan().limits().judgment().decisionTimeout()));
  }

  /** Holds the step; stores the look when the last stored one is older than {@link #LOOK} or said otherwise. */
  private ReleaseStatus keep(AnalysisResult result, Look look) {
    AnalysisResult last = status.evidence();
    boolean fresh = last != null && last.outcome() == result.outcome() && last.at().isAfter(now.minus(LOOK));
    return fresh ? status : status.counts(status.failures(), 0, 0).evidence(result).looked(look)
        .message("running " + result.where() + ": " + result.summary());
  }

  private ReleaseStatus couldNotMeasure(AnalysisResult result, String at) {
    AnalysisResult last = status.evidence();
    if (last != null && last.outcome() == AnalysisResult.Outcome.ERROR && last.at().isAfter(now.minus(LOOK))) {
      return status;
    }
    ReleaseStatus counted = status.counts(status.failures(), 0, status.errors() + 1).evidence(result);
    return counted.errors() > spec.plan().limits().errorLimit()
        ? pause(result, counted.errors() + " looks in a row could not measure" + at, counted) : counted;
  }

  private ReleaseStatus pause(AnalysisResult result, String why) {
    return pause(result, why, status);
  }

  private ReleaseStatus pause(AnalysisResult result, String why, ReleaseStatus from) {
    return from.analysed(result).evidence(result).phase(ReleasePhase.PAUSED, now, why
        + "; not advancing until an operator resumes").event(now, ReleaseEvent.CONTROLLER, "paused: " + why, "");
  }
}
