package dev.aviary.console.oncall;

import dev.aviary.console.Background;
import dev.aviary.console.Times;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.coordination.Leadership;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.health.Overview;
import dev.aviary.console.health.OverviewService;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;
import dev.aviary.console.notifications.NotificationService;
import dev.aviary.console.notifications.NotificationsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches what on-call wants to hear about without a release to tell it: services turning Degraded, Missing,
 * recovered or OutOfSync, golden signals unavailable, changes committed but not applied (by any console: they are
 * kept with the cluster's write lock). Only the leading console watches, so two consoles do not tell twice.
 */
@Component
class OnCallWatch implements InitializingBean, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(OnCallWatch.class);
  static final long TICK_MILLIS = 1000;

  private final OverviewService overviews;
  private final ChangePipeline pipeline;
  private final NotificationService notifications;
  private final Leadership leadership;
  private final NotificationsProperties properties;
  private final Clock clock;
  private final ScheduledExecutorService ticker = Background.singleThread("on-call-watch");
  private final Outage signals = new Outage();
  private final Outage unapplied = new Outage();
  private final ToldHealth toldHealth;
  private ServiceWatch services;

  OnCallWatch(OverviewService overviews, ChangePipeline pipeline, NotificationService notifications,
              Leadership leadership, NotificationsProperties properties, AuditLog audit, Clock clock) {
    this.toldHealth = new ToldHealth(audit);
    this.overviews = overviews;
    this.pipeline = pipeline;
    this.notifications = notifications;
    this.leadership = leadership;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  void tick() {
    try {
      Instant now = clock.instant();
      Overview overview = overviews.current();
      if (leadership.leading()) {
        if (services == null) {
          services = new ServiceWatch(properties.healthHold(), notifications::link, toldHealth);
        }
        services.observe(overview, now).forEach(notifications::publish);
        signalsOutage(overview, now);
        unappliedChanges(now);
      } else {
        // Whoever leads next starts from what it sees then, as told.
        services = null;
      }
    } catch (RuntimeException e) {
      log.warn("the on-call watch could not look: {}", e.getMessage());
    }
  }

  private void signalsOutage(Overview overview, Instant now) {
    Optional<String> failure = overview.signals().unavailable();
    signals.observe(failure.isPresent(), now, properties.signalsUnavailableAfter()).ifPresent(since ->
        notifications.publish(new Notice("signals/" + since, NoticeKind.SIGNALS_UNAVAILABLE, now, "", "", "",
            "Golden signals unavailable since " + Times.clock(since), "Aviary cannot read request rates, errors "
            + "and latency from " + overview.signals().source() + ": " + failure.get() + ". Canary analyses "
            + "cannot judge and pause releases meanwhile.", List.of(), notifications.link("/"))));
  }

  private void unappliedChanges(Instant now) {
    Set<String> files = pipeline.unappliedFiles();
    unapplied.observe(!files.isEmpty(), now, properties.notAppliedAfter()).ifPresent(since ->
        notifications.publish(new Notice("unapplied/" + since, NoticeKind.CHANGE_NOT_APPLIED, now, "", "", "",
            "A change committed to Git is not applied since " + Times.clock(since), "The cluster keeps refusing "
            + "what Git holds; Aviary re-applies it until it takes. The History page and the console's log say "
            + "why.", files.stream().sorted().toList(), notifications.link("/history"))));
  }

  @Override
  public void destroy() {
    ticker.shutdownNow();
  }
}
