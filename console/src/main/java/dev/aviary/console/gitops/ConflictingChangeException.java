package dev.aviary.console.gitops;

/**
 * A change refused because of the state of what it acts on, not its input: steering a release whose phase does not
 * allow the action, starting a second release of a service. Refused before anything is committed, like any
 * {@link InvalidChangeException}; the API answers it with 409 rather than 422.
 */
public class ConflictingChangeException extends InvalidChangeException {

  public ConflictingChangeException(String message) {
    super(message);
  }
}
