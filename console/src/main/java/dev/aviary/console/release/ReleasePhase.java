package dev.aviary.console.release;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a release is. Each phase has one small, repeatable thing to do ({@link ReleaseMachine#step}); a phase
 * that commits to Git is left only after the commit, so doing it again after a restart finds nothing to change.
 */
public enum ReleasePhase {
  /** The canary Deployment is committed at weight 0; waiting for its pods to be ready. */
  STARTING("Starting"),
  /** Moving through the plan's weights, judging each step. */
  PROGRESSING("Progressing"),
  /** Stopped by an operator, or by measurements that could not judge; only an operator resumes it. */
  PAUSED("Paused"),
  /** All traffic goes to the canary. */
  PROMOTING("Promoting"),
  /** The canary has all traffic; the previous version's pods stay up, so going back is instant. */
  WARM("Previous version warm"),
  /** The stable Deployment takes the canary's pod template. */
  ADOPTING("Stable takes canary"),
  /** Waiting for the stable Deployment's pods to run the new template. */
  STABLE_ROLLOUT("Stable rolling out"),
  /** Traffic goes back to the stable Deployment, now running the new version. */
  RETURNING("Returning traffic"),
  /** The canary Deployment and its routing are removed. */
  CLEANING_UP("Removing canary"),
  PROMOTED("Promoted"),
  /** Traffic goes back to stable and the canary is scaled to zero. */
  ROLLING_BACK("Rolling back"),
  ROLLED_BACK("Rolled back");

  private final String label;

  ReleasePhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return this == PROMOTED || this == ROLLED_BACK;
  }

  /**
   * Whether an operator's action takes effect in this phase: the one rule the machine acts by, the service refuses
   * by and the view enables its controls by. Aborting stays possible while it still means "back to the previous
   * version" with nothing more than moving traffic; past that, the previous version is restored instead.
   */
  public boolean allows(Steering.Action action) {
    return switch (action) {
      case PAUSE -> this == PROGRESSING || this == STARTING;
      case RESUME -> this == PAUSED;
      case PROMOTE, SET_WEIGHT -> this == PROGRESSING || this == PAUSED;
      case ABORT -> this == STARTING || this == PROGRESSING || this == PAUSED || this == PROMOTING || this == WARM;
    };
  }

  /** Why an action has no effect in this phase, as the operator is told; empty when {@link #allows} it. */
  public Optional<String> refusal(Steering.Action action) {
    if (allows(action)) {
      return Optional.empty();
    }
    String now = label().toLowerCase(Locale.ROOT);
    return Optional.of(switch (action) {
      case ABORT -> finished() ? "it is " + now + "; there is nothing to abort"
          : "it is past the point of aborting (" + now + "); restore the previous version once it is promoted";
      case RESUME -> "it is " + now + ", not paused; there is nothing to resume";
      default -> "it is " + now + "; an operator can " + action.word() + " only while it is "
          + (action == Steering.Action.PAUSE ? "starting or progressing" : "progressing or paused");
    });
  }
}
