package dev.aviary.console.notifications;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told what: the destinations (their URLs, keys and passwords from the environment or a mounted Secret,
 * never from a file in Git), the subscriptions that route each kind of notice to them, and the thresholds that
 * decide when something is worth telling. Every mistake is refused at start-up with the setting's name.
 *
 * @param consoleUrl        the console's address as people open it, for the links in notices; empty: no links
 * @param queueCapacity     notices each destination may have waiting; more are dropped (and counted)
 * @param timeout           how long one delivery may take
 * @param retry             waits between attempts of a failed delivery, and when to give up
 * @param healthHold        how long a service must stay Degraded or Missing (or healthy again) before it is told
 * @param notAppliedAfter   how long a change may stay committed but not applied before it is told
 * @param signalsUnavailableAfter how long golden signals may be unavailable before it is told
 * @param mailFrom          the sender of e-mail notices
 */
@ConfigurationProperties("aviary.notifications")
public record NotificationsProperties(@DefaultValue("") String consoleUrl, @DefaultValue("1000") int queueCapacity,
                                      @DefaultValue("5s") Duration timeout, @DefaultValue Retry retry,
                                      @DefaultValue("60s") Duration healthHold,
                                      @DefaultValue("5m") Duration notAppliedAfter,
                                      @DefaultValue("5m") Duration signalsUnavailableAfter,
                                      Map<String, DestinationSettings> destinations,
                                      List<Subscription> subscriptions,
                                      @DefaultValue(MAIL_FROM) String mailFrom) {

  static final String PREFIX = "aviary.notifications";
  /** The sender when none is set: also what a properties object made without one gets. */
  static final String MAIL_FROM = "aviary@localhost";
  static final Set<String> KINDS = Set.of("webhook", "slack", "teams", "email");

  public NotificationsProperties {
    destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
    subscriptions = subscriptions == null ? List.of() : List.copyOf(subscriptions);
    consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    if (!consoleUrl.isEmpty() && !consoleUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException(PREFIX + ".console-url must be an http(s) URL, got '" + consoleUrl + "'");
    }
    mailFrom = mailFrom == null ? MAIL_FROM : mailFrom.strip();
    if (!mailFrom.matches("[^@\\s]+@[^@\\s]+")) {
      throw new IllegalArgumentException(PREFIX + ".mail-from must be an e-mail address, got '" + mailFrom + "'");
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException(PREFIX + ".queue-capacity must be at least 1, got " + queueCapacity);
    }
    destinations.forEach(NotificationsProperties::check);
    for (int i = 0; i < subscriptions.size(); i++) {
      check(subscriptions.get(i), PREFIX + ".subscriptions[" + i + "]", destinations.keySet());
    }
  }

  /** @param first the wait after the first failed attempt; doubling up to {@code longest} */
  public record Retry(@DefaultValue("1s") Duration first, @DefaultValue("1m") Duration longest,
                      @DefaultValue("10m") Duration giveUpAfter) {

    RetryPolicy policy() {
      return new RetryPolicy(first, longest, giveUpAfter);
    }
  }

  /**
   * One destination.
   *
   * @param kind       webhook, slack, teams or email
   * @param url        where webhook, Slack and Teams notices are posted (holds a secret for Slack and Teams)
   * @param signingKey the webhook's shared HMAC key; empty: unsigned
   * @param to         e-mail recipients
   */
  public record DestinationSettings(String kind, URI url, String signingKey, List<String> to) {

    public DestinationSettings {
      signingKey = signingKey == null ? "" : signingKey;
      to = to == null ? List.of() : List.copyOf(to);
    }

    /** Never the URL (Slack's and Teams' hold their secret in the path) nor the key. */
    @Override
    public String toString() {
      return kind + (url == null ? "" : " to " + url.getHost()) + (to.isEmpty() ? "" : " to " + to);
    }
  }

  /**
   * Which notices go where.
   *
   * @param events       kinds by word, a family ({@code release-*}) or {@code *}
   * @param services     the services it covers; empty or {@code *}: all
   * @param destinations destination names
   */
  public record Subscription(List<String> events, List<String> services, List<String> destinations) {

    public Subscription {
      events = events == null ? List.of() : List.copyOf(events);
      services = services == null ? List.of() : List.copyOf(services);
      destinations = destinations == null ? List.of() : List.copyOf(destinations);
    }

    /** What is wrong with the events it names, if anything: none, or one that no notice is called. */
    Optional<String> eventsProblem() {
      if (events.isEmpty()) {
        return Optional.of("name at least one kind of notice, e.g. release-*");
      }
      return events.stream().filter(e -> !NoticeKind.known(e)).findFirst().map(e -> "no notice is called '" + e
          + "' (known: " + String.join(", ", Arrays.stream(NoticeKind.values()).map(NoticeKind::word).toList())
          + ")");
    }

    /** What is wrong with the destinations it names, if anything: none, or one that is not configured. */
    Optional<String> destinationsProblem(Set<String> configured) {
      if (destinations.isEmpty()) {
        return Optional.of("name at least one destination");
      }
      return destinations.stream().filter(d -> !configured.contains(d)).findFirst().map(d -> "no destination '" + d
          + "' is configured under " + PREFIX + ".destinations");
    }

    boolean covers(Notice notice) {
      return events.stream().anyMatch(notice.kind()::matches)
          && (services.isEmpty() || services.contains("*") || services.contains(notice.service()));
    }
  }

  private static void check(String name, DestinationSettings d) {
    String where = PREFIX + ".destinations." + name;
    if (!name.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?")) {
      throw new IllegalArgumentException(where + ": a destination's name must be lower-case letters, digits and "
          + "dashes");
    }
    if (d.kind() == null || !KINDS.contains(d.kind())) {
      throw new IllegalArgumentException(where + ".kind must be one of webhook, slack, teams, email; got "
          + d.kind());
    }
    if (d.kind().equals("email")) {
      if (d.to().isEmpty() || d.to().stream().anyMatch(a -> !a.matches("[^@\\s]+@[^@\\s]+"))) {
        throw new IllegalArgumentException(where + ".to must list e-mail addresses, got " + d.to());
      }
    } else if (d.url() == null || !d.url().isAbsolute() || !List.of("http", "https").contains(d.url().getScheme())) {
      throw new IllegalArgumentException(where + ".url must be an http(s) URL (from the environment or a Secret)");
    }
  }

  private static void check(Subscription s, String where, Set<String> destinations) {
    s.eventsProblem().ifPresent(problem -> {
      throw new IllegalArgumentException(where + ".events: " + problem);
    });
    s.destinationsProblem(destinations).ifPresent(problem -> {
      throw new IllegalArgumentException(where + ".destinations: " + problem);
    });
  }
}
