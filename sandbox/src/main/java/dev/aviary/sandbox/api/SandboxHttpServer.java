package dev.aviary.sandbox.api;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.ServerWebSocketHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The sandbox API server's HTTP side, on 127.0.0.1: every request goes to the dispatcher, as in fabric8's
 * MockWebServer, and a watch is served the way its client asked for it: over a WebSocket (fabric8's clients) or as
 * a stream of JSON lines over plain HTTP (kubectl, client-go), which the mock server cannot do.
 */
final class SandboxHttpServer implements AutoCloseable {

  private final Vertx vertx;
  private final HttpServer server;
  private final SandboxDispatcher dispatcher;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SandboxHttpServer(Vertx vertx, HttpServer server, SandboxDispatcher dispatcher) {
    this.vertx = vertx;
    this.server = server;
    this.dispatcher = dispatcher;
  }

  /** @param port 0 for a free one */
  static SandboxHttpServer start(SandboxDispatcher dispatcher, int port) {
    Vertx vertx = Vertx.vertx();
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
    server.requestHandler(request -> new Exchange(vertx, dispatcher, request).handle());
    try {
      return new SandboxHttpServer(vertx, server.listen().toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS), dispatcher);
    } catch (ExecutionException | TimeoutException e) {
      vertx.close();
      throw new IllegalStateException("cannot bind the sandbox API server to 127.0.0.1:" + port + ": "
          + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      vertx.close();
      throw new IllegalStateException("interrupted while starting the sandbox API server", e);
    }
  }

  int port() {
    return server.actualPort();
  }

  /**
   * Ends every watch first (as the mock server does), so that closing does not wait for their connections. Closing
   * twice is closing once.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    dispatcher.shutdown();
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      dispatcher.releaseResources();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the sandbox API server did not stop within 10 s: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One request and its answer. */
  private record Exchange(Vertx vertx, SandboxDispatcher dispatcher, HttpServerRequest request) {

    void handle() {
      // A body is read only where there is one: an upgrade to a WebSocket needs the request still unread.
      Future<io.vertx.core.buffer.Buffer> body = hasBody() ? request.body() : Future.succeededFuture(null);
      body.onSuccess(this::dispatch).onFailure(e -> request.response().setStatusCode(400).end());
    }

    private boolean hasBody() {
      String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
      return length != null ? !length.isBlank() && Integer.parseInt(length.trim()) > 0
          : request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void dispatch(io.vertx.core.buffer.Buffer body) {
      RecordedRequest recorded = new RecordedRequest(request.version().alpnName().toUpperCase(Locale.ROOT),
          HttpMethod.fromVertx(request.method()), request.uri(),
          Headers.builder().addAll(request.headers()).build(), new Buffer(body == null ? new byte[0] : body.getBytes()));
      MockResponse answer;
      try {
        answer = dispatcher.dispatch(recorded);
      } catch (RuntimeException e) {
        // A request the dispatcher could not handle gets an answer that says so, never a connection left hanging.
        LoggerFactory.getLogger(SandboxHttpServer.class).warn("{} {} failed: {}", request.method(), request.uri(),
            e.toString());
        answer = ApiError.internal(request.method() + " " + request.path() + " failed in the sandbox: " + e)
            .toResponse();
      }
      if (answer.getWebSocketListener() == null) {
        write(answer);
        return;
      }
      answer.withWebSocketUpgrade(new ClosedOffTheEventLoop(answer.getWebSocketListener()));
      if ("websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
        request.toWebSocket().onSuccess(new ServerWebSocketHandler(recorded, answer))
            .onFailure(e -> request.response().setStatusCode(400).end());
      } else {
        HttpWatch.serve(vertx, recorded, answer, request.response(), dispatcher.tables());
      }
    }

    private void write(MockResponse answer) {
      HttpServerResponse response = request.response().setStatusCode(answer.code());
      answer.getHeaders().toMultimap().forEach((name, values) -> response.putHeader(name, values));
      byte[] bytes = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes();
      if (!response.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
        response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(bytes.length));
      }
      response.end(io.vertx.core.buffer.Buffer.buffer(bytes));
    }
  }
}
