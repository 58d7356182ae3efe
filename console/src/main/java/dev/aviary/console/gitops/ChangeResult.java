package dev.aviary.console.gitops;

/**
 * How a change ended.
 *
 * @param changeId the {@code Aviary-Change-Id} trailer of its commit
 * @param commit   the pushed commit; empty when nothing needed changing
 * @param attempts how many times it was redone because the remote moved on (1 when it went through at once)
 * @param detail   what went wrong applying it, for {@link State#COMMITTED_NOT_APPLIED}
 */
public record ChangeResult(String changeId, State state, String commit, int attempts, String detail) {

  public enum State {
    /** Committed, pushed and applied to the cluster. */
    APPLIED,
    /** In Git, but the cluster refused it; re-applied until it takes. */
    COMMITTED_NOT_APPLIED,
    /** The manifests already say what the intent asks for: no commit. */
    NO_CHANGE
  }
}
