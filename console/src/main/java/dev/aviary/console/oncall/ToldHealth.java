package dev.aviary.console.oncall;

import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;

import java.util.Optional;
import java.util.Set;

/**
 * What on-call was told about each service's health, on the record every console reads: each degradation, absence
 * and recovery told is an audit entry of the on-call watch. A console that starts or takes the lead asks it whether a
 * service it first sees unwell was told so (by a console before it), and so whether its recovery is news.
 */
final class ToldHealth implements ServiceWatch.HealthRecord {

  static final String ACTOR = "on-call watch";
  private static final Set<String> HEALTH = Set.of(NoticeKind.SERVICE_DEGRADED.word(),
      NoticeKind.SERVICE_MISSING.word(), NoticeKind.SERVICE_RECOVERED.word());

  private final AuditLog audit;

  ToldHealth(AuditLog audit) {
    this.audit = audit;
  }

  @Override
  public void told(String key, Notice notice) {
    audit.record(new AuditEvent(notice.at(), ACTOR, notice.kind().word(), target(key),
        AuditEvent.Outcome.SUCCEEDED, notice.title(), ""));
  }

  @Override
  public boolean toldUnwell(String key) {
    return lastTold(key).filter(word -> !word.equals(NoticeKind.SERVICE_RECOVERED.word())).isPresent();
  }

  private Optional<String> lastTold(String key) {
    // Newest first: the first health entry about the service is the last thing told.
    return audit.recent().stream().filter(e -> ACTOR.equals(e.actor()) && HEALTH.contains(e.action())
        && target(key).equals(e.target())).map(AuditEvent::action).findFirst();
  }

  private static String target(String key) {
    return "service=" + key;
  }
}
