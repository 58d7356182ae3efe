package dev.aviary.console.oncall;

import dev.aviary.console.health.HealthStatus;
import dev.aviary.console.health.Overview;
import dev.aviary.console.health.ServiceHealth;
import dev.aviary.console.health.SyncState;
import dev.aviary.console.health.VersionHealth;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns the overview, seen again and again, into what is worth telling about services: one turned Degraded or
 * Missing, or recovered, or went OutOfSync through a change made outside Aviary, each once it has lasted the hold.
 * What a service is when it is first seen counts as told, so a console that starts (or takes over) does not page
 * again for what its predecessor already told; its recovery, though, is told only after a told degradation or absence
 * (by this console, or by one before it as the {@link HealthRecord} says), so services coming up as a console starts are
 * not told as recovered. Nothing is judged from a stale picture of the cluster.
 */
final class ServiceWatch {

  /** Health as it is told: Unknown, Progressing and Suspended are no news. */
  enum Told { DEGRADED, MISSING, FINE }

  private final Duration hold;
  private final UnaryOperator<String> link;
  private final Map<String, Held<Told>> health = new HashMap<>();
  private final Map<String, Held<Boolean>> outOfSync = new HashMap<>();
  /** Services whose present degradation or absence was told, so their recovery will be. */
  private final Set<String> unwellTold = new HashSet<>();
  private final HealthRecord record;

  /** What on-call was told about services' health, kept where every console reads it. */
  interface HealthRecord {

    /** Whether the last health notice told about the service (by {@code namespace/name}) was Degraded or Missing. */
    boolean toldUnwell(String key);

    void told(String key, Notice notice);
  }

  ServiceWatch(Duration hold, UnaryOperator<String> link, HealthRecord record) {
    this.hold = hold;
    this.link = link;
    this.record = record;
  }

  List<Notice> observe(Overview overview, Instant now) {
    List<Notice> notices = new ArrayList<>();
    if (!overview.cluster().live()) {
      return notices;
    }
    Map<String, ServiceHealth> present = new HashMap<>();
    for (ServiceHealth s : overview.services()) {
      present.put(s.key(), s);
      HealthStatus status = s.health().status();
      if (status != HealthStatus.UNKNOWN) {
        Told told = status == HealthStatus.DEGRADED ? Told.DEGRADED : status == HealthStatus.MISSING ? Told.MISSING
            : Told.FINE;
        health.computeIfAbsent(s.key(), k -> firstSeen(k, told)).observe(told, now, hold)
            .flatMap(change -> tell(s, change, now)).ifPresent(notices::add);
      }
      if (s.sync().kind() != SyncState.Kind.UNKNOWN) {
        boolean drifted = s.sync().kind() == SyncState.Kind.OUT_OF_SYNC;
        outOfSync.computeIfAbsent(s.key(), k -> new Held<>(drifted)).observe(drifted, now, hold)
            .filter(Held.Change::to).ifPresent(change -> notices.add(outOfSync(s, now)));
      }
    }
    health.keySet().retainAll(present.keySet());
    unwellTold.retainAll(present.keySet());
    outOfSync.keySet().retainAll(present.keySet());
    return notices;
  }

  private Held<Told> firstSeen(String key, Told told) {
    if (told != Told.FINE && record.toldUnwell(key)) {
      unwellTold.add(key);
    }
    return new Held<>(told);
  }

  /** A lasting change, told unless it is a recovery from something nobody was told. */
  private Optional<Notice> tell(ServiceHealth s, Held.Change<Told> change, Instant now) {
    if (change.to() != Told.FINE) {
      unwellTold.add(s.key());
    } else if (!unwellTold.remove(s.key())) {
      return Optional.empty();
    }
    Notice notice = health(s, change, now);
    record.told(s.key(), notice);
    return Optional.of(notice);
  }

  private Notice health(ServiceHealth s, Held.Change<Told> change, Instant now) {
    NoticeKind kind = switch (change.to()) {
      case DEGRADED -> NoticeKind.SERVICE_DEGRADED;
      case MISSING -> NoticeKind.SERVICE_MISSING;
      case FINE -> NoticeKind.SERVICE_RECOVERED;
    };
    String title = s.name() + (change.to() == Told.FINE ? " recovered (was " + word(change.from()) + ")"
        : " is " + word(change.to()));
    List<String> figures = new ArrayList<>();
    for (VersionHealth v : s.versions()) {
      figures.add(v.version() + ": " + v.ready() + " of " + v.desired() + " ready, " + v.health().status().label()
          + (v.health().reason().isEmpty() ? "" : " (" + v.health().reason() + ")"));
    }
    return notice(kind, s, now, title, s.health().reason(), figures);
  }

  private Notice outOfSync(ServiceHealth s, Instant now) {
    return notice(NoticeKind.SERVICE_OUT_OF_SYNC, s, now, s.name() + " is OutOfSync: the cluster differs from Git",
        s.sync().detail() + ". A change was made outside Aviary; Sync restores Git's state, or commit the change.",
        List.of());
  }

  private Notice notice(NoticeKind kind, ServiceHealth s, Instant now, String title, String text,
                        List<String> figures) {
    return new Notice(s.key() + "/" + kind.word() + "/" + now, kind, now, s.name(), "", "", title, text, figures,
        link.apply("/services/" + s.namespace() + "/" + s.name()));
  }

  private static String word(Told told) {
    return switch (told) {
      case DEGRADED -> "Degraded";
      case MISSING -> "Missing";
      case FINE -> "healthy";
    };
  }
}
