package dev.aviary.console.gitops;

import java.util.Optional;

/**
 * The commit message format: {@code <service>: <what>}, the operator's reason as body, and trailers that tools can
 * read with {@code git interpret-trailers} or {@code git log --format=%(trailers)}.
 */
public final class CommitMessage {

  public static final String ACTION_TRAILER = "Aviary-Action";
  public static final String CHANGE_ID_TRAILER = "Aviary-Change-Id";

  private CommitMessage() {
  }

  static String of(Change change, String changeId) {
    StringBuilder message = new StringBuilder(change.intent().service()).append(": ")
        .append(change.intent().summary()).append("\n\n");
    if (!change.reason().isEmpty()) {
      message.append(change.reason()).append("\n\n");
    }
    return message.append(ACTION_TRAILER).append(": ").append(change.intent().action()).append('\n')
        .append(CHANGE_ID_TRAILER).append(": ").append(changeId).append('\n').toString();
  }

  /** The value of a trailer in a full commit message, if it has one. */
  public static Optional<String> trailer(String fullMessage, String name) {
    return fullMessage.lines().filter(l -> l.startsWith(name + ": ")).reduce((first, last) -> last)
        .map(l -> l.substring(name.length() + 2).strip());
  }
}
