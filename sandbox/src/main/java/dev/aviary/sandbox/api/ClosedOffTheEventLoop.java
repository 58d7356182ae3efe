package dev.aviary.sandbox.api;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A watch's listener whose {@code onClosed} runs on a thread of its own. The mock's watch listener waits there for
 * its sending thread to finish (up to a minute); on the server's event loop that stopped every request to the sandbox
 * for as long, each time a client went away without closing its watches (a console killed, a process that died).
 */
final class ClosedOffTheEventLoop extends WebSocketListener {

  private static final ExecutorService CLOSER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sandbox-watch-closer");
    t.setDaemon(true);
    return t;
  });

  private final WebSocketListener delegate;

  ClosedOffTheEventLoop(WebSocketListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    delegate.onBeforeAccept(webSocket, response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    delegate.onOpen(webSocket, response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    delegate.onMessage(webSocket, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    delegate.onClosing(webSocket, code, reason);
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    CLOSER.execute(() -> delegate.onClosed(webSocket, code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
    delegate.onFailure(webSocket, failure, response);
  }
}
