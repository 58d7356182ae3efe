package dev.aviary.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A watch served over plain HTTP, as kube-apiserver streams one to kubectl and client-go: a chunked response of
 * JSON lines, one {@code {"type","object"}} event each. The mock server's watch machinery produces the events (it
 * believes it talks to a WebSocket); this adds what a real server does with the request's parameters:
 * <ul>
 *   <li>{@code resourceVersion=N}: only what changed after N. The mock opens every watch with an ADDED event per
 *   existing object; those the client has already listed (resourceVersion at most N) are left out.</li>
 *   <li>{@code Accept: ...;as=Table}: each event's object is a Table of one row, as for {@code kubectl get -w}.</li>
 *   <li>{@code timeoutSeconds}: the stream ends after that long, and the client watches again.</li>
 * </ul>
 * Field and label selectors are the mock's own. No bookmarks are sent; the API lets a server send none.
 */
final class HttpWatch implements WebSocket {

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private final RecordedRequest request;
  private final HttpServerResponse response;
  private final Tables tables;
  private final boolean table;
  private final long after;
  private WebSocketListener listener;

  private HttpWatch(RecordedRequest request, HttpServerResponse response, Tables tables) {
    this.request = request;
    this.response = response;
    this.tables = tables;
    this.table = Tables.wanted(request.getHeader("Accept"));
    this.after = resourceVersion(ResourcePath.parse(request.getPath()).map(p -> p.queryParameter("resourceVersion"))
        .orElse(null));
  }

  static void serve(Vertx vertx, RecordedRequest request, MockResponse answer, HttpServerResponse response,
                    Tables tables) {
    HttpWatch watch = new HttpWatch(request, response, tables);
    watch.listener = answer.getWebSocketListener();
    response.setStatusCode(200).setChunked(true).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .putHeader("Cache-Control", "no-cache, private");
    response.closeHandler(v -> watch.clientLeft());
    response.writeHead().onSuccess(v -> watch.listener.onOpen(watch, answer));
    ResourcePath.parse(request.getPath()).map(p -> p.queryParameter("timeoutSeconds")).filter(s -> s.matches("\\d+"))
        .map(Long::parseLong).filter(seconds -> seconds > 0)
        .ifPresent(seconds -> vertx.setTimer(seconds * 1000, t -> watch.close(1000, "timeout")));
  }

  /** A resourceVersion to watch from; "" and "0" mean "from any state", as on a real server. */
  private static long resourceVersion(String value) {
    return value == null || !value.matches("\\d+") ? 0 : Long.parseLong(value);
  }

  @Override
  public RecordedRequest request() {
    return request;
  }

  @Override
  public boolean send(String event) {
    if (response.ended() || response.closed()) {
      return false;
    }
    try {
      ObjectNode parsed = (ObjectNode) JSON.readTree(event);
      JsonNode object = parsed.path("object");
      if (after > 0 && resourceVersion(object.path("metadata").path("resourceVersion").asText()) <= after) {
        return true;
      }
      if (table) {
        parsed.set("object", tables.table(object.path("kind").asText(), List.of(object),
            object.path("metadata").path("resourceVersion").asText()));
      }
      response.write(JSON.writeValueAsString(parsed) + "\n");
      return true;
    } catch (IOException | ClassCastException e) {
      return false;
    }
  }

  @Override
  public boolean send(byte[] event) {
    return send(new String(event, StandardCharsets.UTF_8));
  }

  /** Ends the stream: the server stops watching (timeout, shutdown); the client will watch again. */
  @Override
  public boolean close(int code, String reason) {
    if (!response.ended() && !response.closed()) {
      response.end();
    }
    clientLeft();
    return true;
  }

  /** The connection is gone or done: the mock stops sending to this watch. */
  private void clientLeft() {
    if (listener != null) {
      WebSocketListener l = listener;
      listener = null;
      l.onClosing(this, 1000, "");
      l.onClosed(this, 1000, "");
    }
  }
}
