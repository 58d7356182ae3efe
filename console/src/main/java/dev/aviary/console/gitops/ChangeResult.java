package dev.aviary.console.gitops;

/**
 * How a change ended.
 *
 * @param changeId the {@code Aviary-Change-Id} trailer of its commit
 * @param summary  what the change did, as its commit subject says after the service name
 * @param commit   the pushed commit; empty when nothing needed changing
 * @param attempts how many times it was redone because the remote moved on (1 when it went through at once)
 * @param detail   what went wrong applying it, for {@link State#COMMITTED_NOT_APPLIED}
 */
public record ChangeResult(String changeId, String summary, State state, String commit, int attempts,
                           String detail) {

  public String shortCommit() {
    return commit.substring(0, Math.min(8, commit.length()));
  }

  /** What a service answers when a change is one part of its answer, as a started release is. */
  public interface Carrier {
    ChangeResult change();
  }

  public enum State {
    /** Committed, pushed and applied to the cluster. */
    APPLIED,
    /** In Git, but the cluster refused it; re-applied until it takes. */
    COMMITTED_NOT_APPLIED,
    /** The manifests already say what the intent asks for: no commit. */
    NO_CHANGE
  }
}
