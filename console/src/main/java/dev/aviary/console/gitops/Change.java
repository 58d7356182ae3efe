package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import java.util.Objects;

/** An intent, who wants it, and optionally why. The actor becomes the commit's author, the reason its body. */
public record Change(Intent intent, Identity actor, String reason) {

  /** A reason is a few sentences for the commit body, not a document: longer ones are refused, not cut. */
  public static final int MAX_REASON = 2_000;

  public Change {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(actor, "actor");
    reason = checkedReason(reason);
  }

  /**
   * The reason as it goes into Git: stripped, and at most {@link #MAX_REASON} characters.
   *
   * @throws InvalidChangeException for a longer one, saying how long it was
   */
  public static String checkedReason(String reason) {
    String stripped = reason == null ? "" : reason.strip();
    if (stripped.length() > MAX_REASON) {
      throw new InvalidChangeException("the reason is " + stripped.length() + " characters long; at most "
          + MAX_REASON + " go into a commit message");
    }
    return stripped;
  }
}
