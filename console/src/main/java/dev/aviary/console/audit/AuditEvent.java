package dev.aviary.console.audit;

import java.time.Instant;

/**
 * One thing someone did or tried to do.
 *
 * @param actor  who, as "Name <e-mail>" (or the account name when sign-in failed)
 * @param action e.g. "scale", "set-weights", "revert", "sign-in"
 * @param target what it was done to, e.g. "service=webapi version=v1 replicas=4"
 * @param detail the reason on refusal or failure, what the change did on success
 * @param commit the commit it made, empty when none
 */
public record AuditEvent(Instant at, String actor, String action, String target, Outcome outcome, String detail,
                         String commit) {

  public enum Outcome {
    /** Done (for a change: committed; the detail says whether the cluster took it). */
    SUCCEEDED,
    /** The person's role does not allow it; nothing was attempted. */
    DENIED,
    /** Allowed, but the request itself was wrong (an invalid weight...); nothing changed. */
    REFUSED,
    /** Allowed and valid, but Git or the cluster failed it. */
    FAILED
  }
}
