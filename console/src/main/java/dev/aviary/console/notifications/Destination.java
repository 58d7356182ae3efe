package dev.aviary.console.notifications;

/** Where notices go: one configured webhook, Slack or Teams channel, or set of mail recipients. */
public interface Destination {

  /** The name it is configured and subscribed by; shown on the Settings page (its secrets never are). */
  String name();

  /** {@code webhook}, {@code slack}, {@code teams} or {@code email}. */
  String kind();

  /**
   * Sends one notice, returning once the receiver took it.
   *
   * @throws DeliveryFailure saying whether trying again may help (a timeout, a 5xx) or not (a 4xx)
   */
  void send(Notice notice) throws DeliveryFailure;

  /** Why a delivery did not happen, and whether a later attempt may succeed. */
  final class DeliveryFailure extends Exception {

    private final boolean retryable;

    public DeliveryFailure(String message, boolean retryable) {
      super(message);
      this.retryable = retryable;
    }

    public boolean retryable() {
      return retryable;
    }
  }
}
