package dev.aviary.console.release;

import dev.aviary.console.access.Identity;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.Findings;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What one step of the release controller is worth telling people: a release started, paused, resumed, rolled back
 * or promoted, read from the status before and after the step. Only the console that stored the step tells it (the
 * write is conditional on what it read), so each is told once however many consoles run.
 */
final class ReleaseNotices {

  static final String PAGE = "/releases";

  private ReleaseNotices() {
  }

  /**
   * @param link the console's page for a path, or empty
   */
  static Optional<Notice> of(Release before, ReleaseStatus after, UnaryOperator<String> link) {
    ReleasePhase was = before.status() == null ? null : before.status().phase();
    ReleasePhase now = after.phase();
    if (was == now) {
      return Optional.empty();
    }
    ReleaseSpec spec = before.spec();
    String actor = after.events().isEmpty() ? ReleaseEvent.CONTROLLER : after.events().getLast().actor();
    NoticeKind kind;
    String text = after.message();
    List<String> figures = new ArrayList<>();
    if (was == null) {
      kind = NoticeKind.RELEASE_STARTED;
      actor = spec.startedBy();
      text = spec.image() + " as " + spec.canaryVersion() + ", replacing " + spec.stableVersion() + "; "
          + spec.plan().strategy().label().toLowerCase(Locale.ROOT) + " plan " + spec.plan().describeSteps();
    } else if (now == ReleasePhase.PAUSED) {
      kind = NoticeKind.RELEASE_PAUSED;
    } else if (was == ReleasePhase.PAUSED && now == ReleasePhase.PROGRESSING) {
      kind = NoticeKind.RELEASE_RESUMED;
    } else if (now == ReleasePhase.ROLLED_BACK) {
      kind = NoticeKind.RELEASE_ROLLED_BACK;
      if (!after.analyses().isEmpty()) {
        AnalysisResult last = after.analyses().getLast();
        figures.add("Analysis at " + last.where() + ": " + last.outcome());
        last.checks().forEach(c -> figures.add(Findings.line(c) + (c.passed() ? "" : "  <- broken")));
      }
      commitOf(after).ifPresent(commit -> figures.add("rollback commit " + commit));
    } else if (now == ReleasePhase.PROMOTED) {
      kind = NoticeKind.RELEASE_PROMOTED;
    } else {
      return Optional.empty();
    }
    String title = spec.service() + ": release " + before.name() + " " + words(kind);
    return Optional.of(new Notice(before.name() + "/" + kind.word() + "/" + after.since(), kind, after.since(),
        spec.service(), before.name(), actor, title, text, figures, link.apply(PAGE)));
  }

  /** An operator restored the version before a promoted release, with the revert commit that did it. */
  static Notice restored(Release release, Identity actor, String why, String commit, Instant at,
                         UnaryOperator<String> link) {
    String service = release.spec().service();
    return new Notice(release.name() + "/" + NoticeKind.RELEASE_RESTORED.word() + "/" + commit,
        NoticeKind.RELEASE_RESTORED, at, service, release.name(), actor.toString(),
        service + ": previous version restored after release " + release.name(), why, List.of("revert commit "
        + commit), link.apply(PAGE));
  }

  private static Optional<String> commitOf(ReleaseStatus status) {
    return status.events().isEmpty() || status.events().getLast().commit().isEmpty() ? Optional.empty()
        : Optional.of(status.events().getLast().commit());
  }

  private static String words(NoticeKind kind) {
    return kind.word().substring("release-".length()).replace('-', ' ');
  }
}
