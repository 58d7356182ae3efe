package dev.aviary.console;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What went wrong, told apart from the wrappers that carried it across threads. */
public final class Failures {

  private Failures() {
  }

  /** The failure itself, without the {@link CompletionException}s and {@link ExecutionException}s around it. */
  public static Throwable cause(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** The innermost cause's message (a connection refused, a timeout), or its type when it has none. */
  public static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
