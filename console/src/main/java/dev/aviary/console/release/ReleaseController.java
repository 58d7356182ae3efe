package dev.aviary.console.release;

import dev.aviary.console.coordination.Leadership;
import dev.aviary.console.Background;
import dev.aviary.console.notifications.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Steps every running release on every tick, on a thread of its own, while this console holds the leader Lease.
 * The new status is written back only with the resourceVersion it was read at: if another console wrote in between
 * (a leader change), this tick's decision is dropped and the next tick decides again from what is stored.
 */
@Component
class ReleaseController implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(ReleaseController.class);

  private final ReleaseStore store;
  private final Leadership leadership;
  private final ReleaseMachine machine;
  private final ReleasesProperties properties;
  private final Clock clock;
  private final NotificationService notifications;
  private final ScheduledExecutorService ticker = Background.singleThread("release-controller");

  ReleaseController(ReleaseStore store, Leadership leadership, ReleaseWorld world, ReleasesProperties properties,
                    NotificationService notifications, Clock clock) {
    this.store = store;
    this.leadership = leadership;
    this.machine = new ReleaseMachine(world);
    this.properties = properties;
    this.clock = clock;
    this.notifications = notifications;
  }

  @Override
  public void afterPropertiesSet() {
    ticker.scheduleWithFixedDelay(this::tick, properties.tick().toMillis(), properties.tick().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Steps each release that is not finished yet; one release's trouble does not hold up the others. */
  void tick() {
    if (!leadership.leading()) {
      return;
    }
    for (Release release : store.all()) {
      if (release.status() == null || !release.status().phase().finished()) {
        stepOne(release);
      }
    }
  }

  private void stepOne(Release release) {
    ReleaseStatus next;
    try {
      next = machine.step(release, clock.instant());
    } catch (RuntimeException e) {
      log.warn("release {} could not take its next step, trying again: {}", release.name(), e.getMessage());
      next = release.status() == null ? null : release.status().message("could not take the next step, retrying: "
          + e.getMessage());
    }
    if (next == null || Objects.equals(next, release.status()) || !leadership.leading()) {
      return;
    }
    try {
      store.saveStatus(release, next);
      if (release.status() == null || next.phase() != release.status().phase()) {
        log.info("release {}: {} ({})", release.name(), next.phase().label(), next.message());
      }
      // Told only once stored: a step another console wrote first is that console's to tell.
      ReleaseNotices.of(release, next, notifications::link).ifPresent(notifications::publish);
    } catch (ReleaseStore.ConflictException e) {
      log.info("release {} was written by someone else; deciding again from what is stored: {}", release.name(),
          e.getMessage());
    }
  }

  @Override
  public void destroy() {
    ticker.shutdownNow();
  }
}
