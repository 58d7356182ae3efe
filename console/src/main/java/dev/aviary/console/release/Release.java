package dev.aviary.console.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A release as the cluster holds it: the spec from Git and the status the leading console keeps.
 *
 * @param resourceVersion the version the status was read at; writing it back fails if someone wrote in between
 * @param status          null until the controller first saw the release
 */
public record Release(String namespace, String name, String resourceVersion, ReleaseSpec spec, ReleaseStatus status) {

  public Release withStatus(ReleaseStatus next) {
    return new Release(namespace, name, resourceVersion, spec, next);
  }

  public ReleasePhase phase() {
    return status == null ? ReleasePhase.STARTING : status.phase();
  }

  /** Where it is and why, as the page and the API say it. */
  public String message() {
    return status == null ? "waiting for the leading console to pick it up" : status.message();
  }

  /** The canary's share of traffic now: 0 until the controller first moved it. */
  public int weight() {
    return status == null ? 0 : status.weight();
  }

  /** The commit in which the stable Deployment took the new version: what "restore previous version" reverts. */
  public Optional<String> promotionCommit() {
    return status == null || status.promotionCommit().isEmpty() ? Optional.empty()
        : Optional.of(status.promotionCommit());
  }

  /**
   * What aborting does now, as the page names it: a blue-green release that has switched goes back in one commit
   * to the previous version, which is still up.
   */
  public String abortLabel() {
    return spec.plan().strategy().switches() && weight() == 100 ? "Switch back" : "Abort";
  }

  /** What promoting now does, as the page names it: a blue-green release switches all traffic at once. */
  public String promoteLabel() {
    return spec.plan().strategy().switches() ? "Switch now" : "Promote now";
  }

  /** Where the plan is, as the page says it: {@code Blue-green: preview → 100%, step 1 of 2 (preview)}. */
  public String planProgress() {
    ReleasePlan plan = spec.plan();
    String at = status == null ? "" : ", step " + (status.stepIndex() + 1) + " of " + plan.steps().size() + " ("
        + plan.steps().get(status.stepIndex()).label() + ")";
    return plan.strategy().label() + ": " + plan.describeSteps() + at;
  }

  /** Restoring the previous version, as the API names it: possible once the stable took the new version. */
  public static final String RESTORE_PREVIOUS = "restore-previous";

  /** What an operator can do to this release now, by the words the API uses: the phase's rule, and restoring. */
  public List<String> actions() {
    List<String> actions = new ArrayList<>();
    for (Steering.Action action : Steering.Action.values()) {
      if (phase().allows(action)) {
        actions.add(action.word());
      }
    }
    promotionCommit().ifPresent(commit -> actions.add(RESTORE_PREVIOUS));
    return actions;
  }
}
