package dev.aviary.console.notifications;

import java.time.Instant;
import java.util.List;

/**
 * One thing that happened, as it is told: who, what, which service and release, the figures behind it, and the page
 * of the console that shows it.
 *
 * @param id      the same for every delivery of this occurrence, so a receiver can drop a repeat
 * @param release the release's name, or empty when the notice is not about one
 * @param actor   who did it: a person, or "release controller" for what Aviary decided by itself
 * @param figures lines of figures (an analysis' checks), shown as they are
 * @param link    the console page that shows it; empty when no console URL is configured
 */
public record Notice(String id, NoticeKind kind, Instant at, String service, String release, String actor,
                     String title, String text, List<String> figures, String link) {

  public Notice {
    release = release == null ? "" : release;
    actor = actor == null ? "" : actor;
    text = text == null ? "" : text;
    figures = figures == null ? List.of() : List.copyOf(figures);
    link = link == null ? "" : link;
  }
}
