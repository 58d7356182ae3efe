package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import java.util.Objects;

/** An intent, who wants it, and optionally why. The actor becomes the commit's author. */
public record Change(Intent intent, Identity actor, String reason) {

  public Change {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(actor, "actor");
    reason = reason == null ? "" : reason.strip();
  }
}
