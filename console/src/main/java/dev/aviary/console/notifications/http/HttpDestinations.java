package dev.aviary.console.notifications.http;

import dev.aviary.console.notifications.Destination;
import dev.aviary.console.notifications.DestinationFactory;
import dev.aviary.console.notifications.NotificationsProperties.DestinationSettings;
import org.springframework.stereotype.Component;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/** Webhook, Slack and Teams destinations, sharing one HTTP client. */
@Component
class HttpDestinations implements DestinationFactory {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  @Override
  public Optional<Destination> create(String name, DestinationSettings s, Duration timeout) {
    return Optional.ofNullable(switch (s.kind()) {
      case "webhook" -> HttpDestination.webhook(name, s.url(), s.signingKey(), timeout, http);
      case "slack" -> HttpDestination.slack(name, s.url(), timeout, http);
      case "teams" -> HttpDestination.teams(name, s.url(), timeout, http);
      default -> null;
    });
  }
}
