package dev.aviary.console.notifications;

import dev.aviary.console.Background;
import dev.aviary.console.gitops.ChangeEvents;
import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.gitops.ManifestSet;
import dev.aviary.console.notifications.NotificationService.FromGit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the subscriptions in Git's manifests in force: reads their annotations again whenever the branch moves (at
 * once after a change made here; pushes from elsewhere within {@code aviary.git.poll-interval}, as the History page
 * sees them), on a thread of its own so that neither a change nor a notice waits for it.
 */
@Component
class GitSubscriptions implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GitSubscriptions.class);
  static final long CHECK_MILLIS = 1000;
  /** After Git could not be read, how long the regular check waits before it tries again (a push still wakes it). */
  static final Duration AFTER_FAILURE = Duration.ofSeconds(30);

  private final GitWorkspace workspace;
  private final GitProperties git;
  private final ChangeEvents changes;
  private final NotificationService notifications;
  private final Set<String> destinations;
  private final Clock clock;
  private final ScheduledExecutorService reader = Background.singleThread("git-subscriptions");
  private final Set<String> told = new HashSet<>();
  private String readAt = "";
  private String lastFailure = "";
  private Instant quietUntil = Instant.MIN;
  private ChangeEvents.Subscription watching;

  GitSubscriptions(GitWorkspace workspace, GitProperties git, ChangeEvents changes,
                   NotificationService notifications, NotificationsProperties properties, Clock clock) {
    this.workspace = workspace;
    this.git = git;
    this.changes = changes;
    this.notifications = notifications;
    this.destinations = properties.destinations().keySet();
    this.clock = clock;
  }

  /** From when the console is ready: by then start-up has cloned the repository (the sandbox has seeded it). */
  @EventListener(ApplicationReadyEvent.class)
  void start() {
    // Being a listener keeps ChangeEvents fetching, so pushes from elsewhere arrive with no page open.
    watching = changes.subscribe(change -> reader.execute(this::readIfMoved));
    reader.scheduleWithFixedDelay(this::check, 0, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void check() {
    if (clock.instant().isAfter(quietUntil)) {
      readIfMoved();
    }
  }

  void readIfMoved() {
    try {
      if (workspace.head().equals(readAt)) {
        return;
      }
      ManifestSet head = new ManifestSet(workspace, git.path());
      FromGit found = SubscriptionAnnotations.read(head, destinations);
      notifications.routeFromGit(found);
      readAt = head.base();
      lastFailure = "";
      quietUntil = Instant.MIN;
      tellNewProblems(found.problems());
    } catch (RuntimeException e) {
      quietUntil = clock.instant().plus(AFTER_FAILURE);
      String failure = String.valueOf(e.getMessage());
      if (!failure.equals(lastFailure)) {
        log.warn("could not read the notification subscriptions in Git; the last ones read stay: {}", failure);
        lastFailure = failure;
      }
    }
  }

  /** Each annotation that cannot be taken is logged once, not on every commit that leaves it as it is. */
  private void tellNewProblems(List<String> problems) {
    problems.stream().filter(told::add).forEach(p -> log.warn("a notification subscription in Git is ignored: {}",
        p));
    told.retainAll(problems);
  }

  @Override
  public void destroy() {
    if (watching != null) {
      watching.close();
    }
    reader.shutdownNow();
  }
}
