package dev.aviary.console.gitops;

import java.time.Instant;
import java.util.Optional;

/**
 * One commit of the GitOps repository, as History lists it.
 *
 * @param message the full message: subject, body and trailers
 */
public record CommitInfo(String id, String authorName, String authorEmail, Instant time, String message) {

  public String shortId() {
    return id.substring(0, Math.min(8, id.length()));
  }

  public String subject() {
    return message.lines().findFirst().orElse("");
  }

  /** The {@code Aviary-Action} trailer: empty for commits Aviary did not make. */
  public Optional<String> action() {
    return CommitMessage.trailer(message, CommitMessage.ACTION_TRAILER);
  }

  /** The service a change was about: the subject's first word before ": ", as Aviary writes subjects. */
  public Optional<String> service() {
    String subject = subject();
    int colon = subject.indexOf(": ");
    return colon > 0 && !subject.substring(0, colon).contains(" ") ? Optional.of(subject.substring(0, colon))
        : Optional.empty();
  }
}
