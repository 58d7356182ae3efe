package dev.aviary.console.gitops;

/** A Git or manifest problem, with a message that says what and where. */
public class GitOpsException extends RuntimeException {

  public GitOpsException(String message) {
    super(message);
  }

  public GitOpsException(String message, Throwable cause) {
    super(message, cause);
  }
}
