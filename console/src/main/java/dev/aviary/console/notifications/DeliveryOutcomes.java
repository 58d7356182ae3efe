package dev.aviary.console.notifications;

/** What became of each notice at each destination: for the log, the audit trail, metrics and the Settings page. */
interface DeliveryOutcomes {

  void delivered(Destination destination, Notice notice, int attempts);

  /** The receiver refused it (a 4xx): trying again would not help. */
  void rejected(Destination destination, Notice notice, String why);

  /** Still failing when the retry policy ran out. */
  void gaveUp(Destination destination, Notice notice, int attempts, String why);

  /** The destination's queue was full: it is too far behind to take more. */
  void dropped(Destination destination, Notice notice);
}
