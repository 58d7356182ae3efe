package dev.aviary.console.gitops;

/** What became of a commit pushed to the remote. Any other refusal is a {@link GitOpsException}. */
public sealed interface PushOutcome {

  /** On the remote branch now. */
  record Pushed(String commit) implements PushOutcome {
  }

  /** The remote branch moved on since the last sync: sync, redo the change on its head, and push again. */
  record Behind(String remoteMessage) implements PushOutcome {
  }
}
