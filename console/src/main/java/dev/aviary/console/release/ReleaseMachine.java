package dev.aviary.console.release;

import dev.aviary.console.analysis.Findings;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Advances one release by at most one small step per call and returns its new status; the caller stores it. Each
 * step either only looks (a wait, a measurement) or makes one change whose repetition changes nothing, so a console
 * that dies between the change and storing the status, and the one that takes over, never apply a step twice.
 */
public final class ReleaseMachine {

  private final ReleaseWorld world;

  public ReleaseMachine(ReleaseWorld world) {
    this.world = world;
  }

  public ReleaseStatus step(Release release, Instant now) {
    ReleaseSpec spec = release.spec();
    ReleaseStatus status = release.status() == null ? ReleaseStatus.starting(now)
        .event(now, spec.startedBy(), "started: " + spec.image() + " as " + spec.canaryVersion() + ", replacing "
            + spec.stableVersion(), "") : release.status();
    if (status.phase().finished()) {
      return status;
    }
    Optional<ReleaseStatus> steered = new Steer(spec, status, now).apply();
    if (steered.isPresent()) {
      return steered.get();
    }
    return switch (status.phase()) {
      case STARTING -> awaitCanary(spec, status, now);
      case PROGRESSING -> new Progress(world, spec, status, now).step();
      case PAUSED, PROMOTED, ROLLED_BACK -> status;
      case PROMOTING -> promote(spec, status, now);
      case WARM -> now.isBefore(status.warmUntil()) ? status
          : status.phase(ReleasePhase.ADOPTING, now, "the stable Deployment takes the canary's template");
      case ADOPTING -> adopt(spec, status, now);
      case STABLE_ROLLOUT -> world.stableNotRolledOut(spec).map(status::message)
          .orElseGet(() -> status.phase(ReleasePhase.RETURNING, now, "traffic returns to stable"));
      case RETURNING -> returnToStable(spec, status, now);
      case CLEANING_UP -> cleanUp(spec, status, now);
      case ROLLING_BACK -> rollBack(spec, status, now);
    };
  }

  private ReleaseStatus awaitCanary(ReleaseSpec spec, ReleaseStatus status, Instant now) {
    Optional<String> notReady = world.canaryNotReady(spec);
    if (notReady.isEmpty()) {
      return status.phase(ReleasePhase.PROGRESSING, now, "canary ready").step(0, now)
          .event(now, ReleaseEvent.CONTROLLER, "canary " + spec.canaryVersion() + " ready", "");
    }
    if (!now.isBefore(status.since().plus(spec.plan().readyTimeout()))) {
      return status.phase(ReleasePhase.ROLLING_BACK, now, "the canary was not ready within "
          + Durations.text(spec.plan().readyTimeout()) + ": " + notReady.get());
    }
    return status.message("waiting for the canary: " + notReady.get());
  }

  private ReleaseStatus promote(ReleaseSpec spec, ReleaseStatus status, Instant now) {
    String commit = world.setCanaryWeight(spec, 100, "promote: all traffic to " + spec.canaryVersion());
    Instant until = now.plus(spec.plan().warmWindow());
    return status.weight(100, now).warmUntil(until)
        .phase(ReleasePhase.WARM, now, spec.stableVersion() + "'s pods stay up until " + until)
        .event(now, ReleaseEvent.CONTROLLER, "promoted: all traffic to " + spec.canaryVersion(), commit);
  }

  private ReleaseStatus adopt(ReleaseSpec spec, ReleaseStatus status, Instant now) {
    String commit = world.adoptCanaryTemplate(spec);
    ReleaseStatus next = status.phase(ReleasePhase.STABLE_ROLLOUT, now, spec.stableDeployment()
        + " rolls out the new template").event(now, ReleaseEvent.CONTROLLER, spec.stableDeployment() + " takes "
        + spec.canaryVersion() + "'s pod template (" + spec.image() + ")", commit);
    return commit.isEmpty() ? next : next.promotionCommit(commit);
  }

  private ReleaseStatus returnToStable(ReleaseSpec spec, ReleaseStatus status, Instant now) {
    String commit = world.setCanaryWeight(spec, 0, "promote: traffic back to " + spec.stableVersion()
        + ", now running " + spec.image());
    return status.weight(0, now).phase(ReleasePhase.CLEANING_UP, now, "removing the canary")
        .event(now, ReleaseEvent.CONTROLLER, "all traffic to " + spec.stableVersion() + " (" + spec.image() + ")", commit);
  }

  private ReleaseStatus cleanUp(ReleaseSpec spec, ReleaseStatus status, Instant now) {
    String commit = world.removeCanary(spec);
    return status.phase(ReleasePhase.PROMOTED, now, spec.image() + " runs as " + spec.stableVersion())
        .event(now, ReleaseEvent.CONTROLLER, "canary " + spec.canaryDeployment() + " removed", commit);
  }

  private ReleaseStatus rollBack(ReleaseSpec spec, ReleaseStatus status, Instant now) {
    String reason = status.message();
    String figures = status.analyses().isEmpty() ? "" : Findings.report(status.analyses().getLast());
    String commit = world.rollBack(spec, reason, figures);
    return status.weight(0, now).phase(ReleasePhase.ROLLED_BACK, now, reason)
        .event(now, ReleaseEvent.CONTROLLER, "rolled back: " + reason, commit);
  }

  /** An operator's steering, acted on once. */
  private record Steer(ReleaseSpec spec, ReleaseStatus status, Instant now) {

    Optional<ReleaseStatus> apply() {
      Steering s = spec.steering();
      if (s == null || s.key().equals(status.steeringSeen())) {
        return Optional.empty();
      }
      ReleaseStatus seen = status.steered(s.key());
      String why = s.reason() == null || s.reason().isBlank() ? "" : ": " + s.reason();
      ReleasePhase phase = status.phase();
      if (!phase.allows(s.action())) {
        return Optional.of(seen.event(now, s.by(), s.action().word() + why + " (nothing to do while "
            + phase.label().toLowerCase(Locale.ROOT) + ")", ""));
      }
      ReleaseStatus next = switch (s.action()) {
        case PAUSE -> seen.phase(ReleasePhase.PAUSED, now, "paused by " + s.by() + why);
        case RESUME -> resume(seen);
        case PROMOTE -> seen.phase(ReleasePhase.PROMOTING, now, "promoted now by " + s.by() + why);
        case ABORT -> seen.phase(ReleasePhase.ROLLING_BACK, now, "aborted by " + s.by() + why);
        case SET_WEIGHT -> seen.weight(s.weight(), now).phase(ReleasePhase.PAUSED, now, s.by()
            + " moved the canary to " + s.weight() + "%" + why);
      };
      return Optional.of(next.event(now, s.by(), s.action().word() + why, ""));
    }

    /**
     * Runs the paused step again with a fresh window; when an operator moved the canary off the plan, continues
     * from the first step above the weight it has now.
     */
    private ReleaseStatus resume(ReleaseStatus seen) {
      int index = spec.plan().weightAt(seen.stepIndex()) == seen.weight() ? seen.stepIndex()
          : spec.plan().stepAbove(seen.weight());
      return seen.counts(seen.failures(), 0, 0).step(index, now)
          .phase(ReleasePhase.PROGRESSING, now, "resumed by " + spec.steering().by());
    }
  }
}
