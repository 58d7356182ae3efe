package dev.aviary.console.gitops;

import java.time.Instant;

/** One commit of the GitOps repository, as History lists it. */
public record CommitInfo(String id, String authorName, String authorEmail, Instant time, String subject) {

  public String shortId() {
    return id.substring(0, Math.min(8, id.length()));
  }
}
