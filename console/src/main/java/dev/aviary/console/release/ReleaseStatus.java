package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.Look;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the leading console knows about a release, kept in the cluster (the Release's status) so that another
 * console can carry on exactly where this one stopped.
 *
 * @param stepIndex      the plan step being run (its weight is {@code plan.steps[stepIndex]})
 * @param weight         the canary weight the release last committed (or an operator moved it to)
 * @param since          when the current phase or step began: waits and analysis windows count from here
 * @param failures       failed analyses so far
 * @param inconclusive   inconclusive analyses in a row
 * @param errors         analyses in a row that could not measure
 * @param steeringSeen   the key of the last operator steering acted on
 * @param warmUntil      when the previous version may go, once promoted
 * @param promotionCommit the commit in which the stable Deployment took the canary's template: reverting it restores
 *                       the previous version
 * @param trafficSince   when the canary was first given traffic: the sequential judge counts from here
 * @param evidence       the sequential judge's latest look at the current step (refreshed every few seconds)
 * @param trail          the sequential judge's looks since the canary started, thinned, for the chart
 * @param routed         the route change of a match or mirror step once committed ("index:step"), so a step's change
 *                       is made once; empty before any
 */
public record ReleaseStatus(ReleasePhase phase, int stepIndex, int weight, Instant since, int failures,
                            int inconclusive, int errors, String message, String steeringSeen, Instant warmUntil,
                            String promotionCommit, List<AnalysisResult> analyses, List<ReleaseEvent> events,
                            Instant trafficSince, AnalysisResult evidence, List<Look> trail, String routed) {

  /** How many events and analyses a status keeps; older ones are in Git and the console's log. */
  static final int KEPT = 200;

  public ReleaseStatus {
    analyses = List.copyOf(analyses);
    events = List.copyOf(events);
    trail = trail == null ? List.of() : List.copyOf(trail);
    message = message == null ? "" : message;
    steeringSeen = steeringSeen == null ? "" : steeringSeen;
    promotionCommit = promotionCommit == null ? "" : promotionCommit;
    routed = routed == null ? "" : routed;
  }

  static ReleaseStatus starting(Instant now) {
    return new ReleaseStatus(ReleasePhase.STARTING, 0, 0, now, 0, 0, 0, "waiting for the canary's pods", "", null,
        "", List.of(), List.of(), null, null, List.of(), "");
  }

  ReleaseStatus phase(ReleasePhase next, Instant now, String why) {
    return new ReleaseStatus(next, stepIndex, weight, now, failures, inconclusive, errors, why, steeringSeen,
        warmUntil, promotionCommit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus message(String why) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, why, steeringSeen,
        warmUntil, promotionCommit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus step(int index, Instant now) {
    return new ReleaseStatus(phase, index, weight, now, failures, inconclusive, errors, message, steeringSeen,
        warmUntil, promotionCommit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus weight(int canaryWeight, Instant now) {
    return new ReleaseStatus(phase, stepIndex, canaryWeight, now, failures, inconclusive, errors, message,
        steeringSeen, warmUntil, promotionCommit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus counts(int failed, int inconclusiveInARow, int errorsInARow) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failed, inconclusiveInARow, errorsInARow, message,
        steeringSeen, warmUntil, promotionCommit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus steered(String key) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, key,
        warmUntil, promotionCommit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus warmUntil(Instant until) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, steeringSeen,
        until, promotionCommit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus promotionCommit(String commit) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, steeringSeen,
        warmUntil, commit, analyses, events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus trafficSince(Instant since) {
    return new ReleaseStatus(phase, stepIndex, weight, this.since, failures, inconclusive, errors, message,
        steeringSeen, warmUntil, promotionCommit, analyses, events, since, evidence, trail, routed);
  }

  ReleaseStatus evidence(AnalysisResult latest) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, steeringSeen,
        warmUntil, promotionCommit, analyses, events, trafficSince, latest, trail, routed);
  }

  ReleaseStatus looked(Look look) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, steeringSeen,
        warmUntil, promotionCommit, analyses, events, trafficSince, evidence, Look.append(trail, look), routed);
  }

  ReleaseStatus analysed(AnalysisResult result) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, steeringSeen,
        warmUntil, promotionCommit, last(analyses, result), events, trafficSince, evidence, trail, routed);
  }

  ReleaseStatus event(Instant at, String actor, String text, String commit) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, steeringSeen,
        warmUntil, promotionCommit, analyses, last(events, new ReleaseEvent(at, actor, text, commit)), trafficSince, evidence, trail, routed);
  }

  ReleaseStatus routed(String key) {
    return new ReleaseStatus(phase, stepIndex, weight, since, failures, inconclusive, errors, message, steeringSeen,
        warmUntil, promotionCommit, analyses, events, trafficSince, evidence, trail, key);
  }

  private static <T> List<T> last(List<T> list, T added) {
    List<T> out = new ArrayList<>(list.size() > KEPT - 1 ? list.subList(list.size() - KEPT + 1, list.size()) : list);
    out.add(added);
    return out;
  }
}
