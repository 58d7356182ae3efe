package dev.aviary.console.release;

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

  /** Whether aborting still means "back to the previous version" with nothing more than moving traffic. */
  public boolean abortable() {
    return this == STARTING || this == PROGRESSING || this == PAUSED || this == PROMOTING || this == WARM;
  }
}
