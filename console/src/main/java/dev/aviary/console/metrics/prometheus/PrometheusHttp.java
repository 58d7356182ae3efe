package dev.aviary.console.metrics.prometheus;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Prometheus' HTTP API: a form-encoded POST per query, its JSON envelope checked, its failures put in words. */
final class PrometheusHttp {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI base;
  private final Duration timeout;
  private final HttpClient client;

  PrometheusHttp(URI base, Duration timeout) {
    this.base = URI.create(base.toString().replaceAll("/+$", ""));
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** The base URL without any user information, for showing and logging. */
  String base() {
    return base.getScheme() + "://" + base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort())
        + (base.getRawPath() == null ? "" : base.getRawPath());
  }

  /** The {@code data} of a successful answer whose {@code resultType} is {@code expectedType}. */
  JsonNode get(String path, Map<String, String> parameters, String expectedType) {
    String form = parameters.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")) + "&timeout=" + timeout.toMillis() + "ms";
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    HttpResponse<String> response = send(request);
    JsonNode body = parse(response);
    if (!"success".equals(body.path("status").asString(""))) {
      throw new QueryFailed("Prometheus at " + base() + " answered " + response.statusCode() + " "
          + body.path("errorType").asString("") + ": " + body.path("error").asString(abbreviate(response.body())));
    }
    String type = body.path("data").path("resultType").asString("");
    if (!expectedType.equals(type)) {
      throw new QueryFailed("Prometheus answered a " + type + " where a " + expectedType + " was expected");
    }
    return body.path("data");
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new QueryFailed("Prometheus at " + base() + " did not answer within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      throw new QueryFailed("cannot connect to Prometheus at " + base());
    } catch (IOException e) {
      throw new QueryFailed("Prometheus at " + base() + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryFailed("interrupted while asking Prometheus at " + base());
    }
  }

  private JsonNode parse(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (JacksonException e) {
      throw new QueryFailed("Prometheus at " + base() + " answered " + response.statusCode() + " with a body that is"
          + " not JSON: " + abbreviate(response.body()));
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }

  static final class QueryFailed extends RuntimeException {
    QueryFailed(String message) {
      super(message, null, false, false);
    }
  }
}
