package dev.aviary.console.gitops;

import dev.aviary.console.Listeners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Tells open views that the GitOps branch moved, so one operator's change shows in everyone's History and Git
 * weights without a reload: at once for changes made through this console, and within
 * {@code aviary.git.poll-interval} (default 15 s) for pushes from anywhere else, which it notices by fetching.
 * Listeners run on a background thread; views subscribe through {@code ui.GitUpdates}, which hands over to their UI.
 */
@Service
public class ChangeEvents implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ChangeEvents.class);

  private final GitWorkspace workspace;
  private final Listeners<GitChange> listeners = new Listeners<>();
  private final AtomicReference<String> lastSeen = new AtomicReference<>("");

  private final GitProperties git;

  ChangeEvents(GitWorkspace workspace, GitProperties git) {
    this.workspace = workspace;
    this.git = git;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addFixedDelayTask(this::poll, git.pollInterval());
  }

  /** Ends a subscription. */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  public Subscription subscribe(Consumer<GitChange> listener) {
    return listeners.add(listener)::run;
  }

  @EventListener
  void committed(ChangeCommitted event) {
    if (!event.result().commit().isEmpty()) {
      lastSeen.set(event.result().commit());
    }
    publish(new GitChange(Optional.of(event.service()), event.result().commit()));
  }

  /** Fetches only while someone is watching; the first fetch just notes where the branch is. */
  void poll() {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      workspace.sync();
      String head = workspace.head();
      String before = lastSeen.getAndSet(head);
      if (!before.isEmpty() && !before.equals(head)) {
        publish(new GitChange(Optional.empty(), head));
      }
    } catch (RuntimeException e) {
      log.warn("could not fetch the GitOps branch to look for new commits: {}", e.getMessage());
    }
  }

  private void publish(GitChange change) {
    listeners.publish(change);
  }
}
