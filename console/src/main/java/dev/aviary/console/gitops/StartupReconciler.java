package dev.aviary.console.gitops;

import dev.aviary.console.Background;
import dev.aviary.console.coordination.Leadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Applies Git's head to the cluster when this console first leads, so that whatever happened while no console ran
 * (a crash between push and apply, or a fresh sandbox) leaves no lasting difference between Git and the cluster.
 * At start-up it waits briefly to learn whether it leads, and if so reconciles before it serves (a fresh sandbox is
 * populated before the first page); if another console leads, that one has reconciled, and this one does when it
 * takes the lead. Failures are retried; they do not stop the console.
 */
@Component
class StartupReconciler implements ApplicationRunner, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(StartupReconciler.class);
  /** How long start-up waits to learn whether this console leads: a free Lease is taken within milliseconds. */
  static final Duration FIRST_LEAD = Duration.ofSeconds(2);
  static final long RETRY_MILLIS = 1000;

  private final GitWorkspace workspace;
  private final ClusterGate gate;
  private final Leadership leadership;
  private final ScheduledExecutorService later = Background.singleThread("startup-reconciler");
  private volatile boolean reconciled;

  StartupReconciler(GitWorkspace workspace, ClusterGate gate, Leadership leadership) {
    this.workspace = workspace;
    this.gate = gate;
    this.leadership = leadership;
  }

  @Override
  public void run(ApplicationArguments args) {
    workspace.sync();
    long deadline = System.nanoTime() + FIRST_LEAD.toNanos();
    while (!leadership.leading() && System.nanoTime() < deadline && pause()) {
      // waiting to learn whether this console leads
    }
    if (leadership.leading()) {
      reconcile();
    } else {
      log.info("another console leads and has reconciled Git's head with the cluster; this one will when it leads");
    }
    later.scheduleWithFixedDelay(() -> {
      if (!reconciled && leadership.leading()) {
        reconcile();
      }
    }, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
  }

  private void reconcile() {
    try {
      workspace.sync();
      ClusterGate.Written written = gate.write(workspace.head(), head -> new ClusterGate.Writes(
          head.all().stream().map(ManifestReader.Manifest::object).toList(), List.of()));
      reconciled = true;
      log.info("Applied {} objects from {} at {} to the cluster", written.applied(), workspace.displayUrl(),
          written.commit().substring(0, 8));
    } catch (RuntimeException e) {
      log.warn("could not apply Git's head to the cluster at start-up, will retry: {}", e.getMessage());
    }
  }

  private static boolean pause() {
    try {
      Thread.sleep(20);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void destroy() {
    later.shutdownNow();
  }
}
