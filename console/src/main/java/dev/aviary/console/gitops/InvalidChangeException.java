package dev.aviary.console.gitops;

/** A change refused before anything was committed: bad input, or an intent that does not fit the manifests. */
public class InvalidChangeException extends GitOpsException {

  public InvalidChangeException(String message) {
    super(message);
  }
}
