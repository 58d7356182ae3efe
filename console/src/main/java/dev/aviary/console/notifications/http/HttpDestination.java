package dev.aviary.console.notifications.http;

import dev.aviary.console.notifications.Destination;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.SlackMessage;
import dev.aviary.console.notifications.TeamsMessage;
import dev.aviary.console.notifications.WebhookBody;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * A destination reached by one HTTP POST of JSON per notice: the generic webhook (signed), a Slack incoming webhook
 * or a Teams workflow webhook. A 2xx answer is delivery; a timeout, a failed connection, 408, 429 or a 5xx may pass
 * and is tried again; any other 4xx will not, and is not.
 */
public final class HttpDestination implements Destination {

  private final String name;
  private final String kind;
  private final URI url;
  private final Duration timeout;
  private final HttpClient http;
  private final Function<Notice, HttpRequest.Builder> request;

  private HttpDestination(String name, String kind, URI url, Duration timeout, HttpClient http,
                          Function<Notice, HttpRequest.Builder> request) {
    this.name = name;
    this.kind = kind;
    this.url = url;
    this.timeout = timeout;
    this.http = http;
    this.request = request;
  }

  /** The generic webhook: {@link WebhookBody}'s JSON, signed with {@code signingKey} when one is set. */
  public static HttpDestination webhook(String name, URI url, String signingKey, Duration timeout, HttpClient http) {
    return new HttpDestination(name, "webhook", url, timeout, http, notice -> {
      byte[] body = WebhookBody.json(notice);
      HttpRequest.Builder builder = post(url, body).header(WebhookBody.EVENT_HEADER, notice.kind().word())
          .header(WebhookBody.DELIVERY_HEADER, notice.id());
      return signingKey == null || signingKey.isEmpty() ? builder
          : builder.header(WebhookBody.SIGNATURE_HEADER, WebhookBody.signature(signingKey, body));
    });
  }

  public static HttpDestination slack(String name, URI url, Duration timeout, HttpClient http) {
    return new HttpDestination(name, "slack", url, timeout, http, notice -> post(url, SlackMessage.json(notice)));
  }

  public static HttpDestination teams(String name, URI url, Duration timeout, HttpClient http) {
    return new HttpDestination(name, "teams", url, timeout, http, notice -> post(url, TeamsMessage.json(notice)));
  }

  private static HttpRequest.Builder post(URI url, byte[] body) {
    return HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .header("User-Agent", "Aviary").POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public void send(Notice notice) throws DeliveryFailure {
    HttpResponse<String> response;
    try {
      response = http.send(request.apply(notice).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The URL may hold a secret (Slack's and Teams' do): name the host only.
      throw new DeliveryFailure(url.getHost() + " could not be reached: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("interrupted while sending", true);
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    boolean retryable = status == 408 || status == 429 || status >= 500;
    String body = response.body() == null ? "" : response.body().strip();
    throw new DeliveryFailure(url.getHost() + " answered " + status
        + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body)), retryable);
  }
}
