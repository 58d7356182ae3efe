package dev.aviary.console.notifications;

import java.util.Locale;

/**
 * What Aviary tells people about. Subscriptions name kinds by their word ({@code release-rolled-back}), or a family
 * by its prefix and a star ({@code release-*}), or all of them ({@code *}).
 */
public enum NoticeKind {
  RELEASE_STARTED, RELEASE_PAUSED, RELEASE_RESUMED, RELEASE_ROLLED_BACK, RELEASE_PROMOTED, RELEASE_RESTORED,
  SERVICE_DEGRADED, SERVICE_MISSING, SERVICE_RECOVERED, SERVICE_OUT_OF_SYNC, CHANGE_NOT_APPLIED,
  SIGNALS_UNAVAILABLE,
  /** "Send a test" on the Settings page. */
  TEST;

  /** The name subscriptions, payloads and metrics use: {@code release-rolled-back}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Whether a notice of this kind is about one service: the others ({@code change-not-applied} lists files,
   * {@code signals-unavailable} is about Prometheus) reach only subscriptions that name no services.
   */
  public boolean aboutAService() {
    return this != CHANGE_NOT_APPLIED && this != SIGNALS_UNAVAILABLE && this != TEST;
  }

  /** Whether a subscription's pattern ({@code *}, {@code release-*} or a word) takes this kind. */
  public boolean matches(String pattern) {
    String p = pattern.strip();
    return p.equals("*") || p.equals(word()) || p.endsWith("*") && word().startsWith(p.substring(0, p.length() - 1));
  }

  /** Whether a subscription pattern names any kind at all: a misspelt one is refused at start-up, with its name. */
  public static boolean known(String pattern) {
    for (NoticeKind kind : values()) {
      if (kind.matches(pattern)) {
        return true;
      }
    }
    return false;
  }
}
