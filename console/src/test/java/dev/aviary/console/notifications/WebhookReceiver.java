package dev.aviary.console.notifications;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver on 127.0.0.1 for notification tests: answers each request with the next scripted status (the
 * last one from then on), keeps every request it got, and can take its time answering.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** @param at when the request arrived, before the receiver took its time answering */
  public record Received(java.time.Instant at, String path, Map<String, List<String>> headers, byte[] body,
                         int answered) {

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().getFirst()).orElse(null);
    }

    public String text() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedDeque<Integer> script = new ConcurrentLinkedDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile long delayMillis;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  /** Answers the given statuses in turn, the last one for every request after. */
  public static WebhookReceiver answering(Integer... statuses) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      receiver.script.addAll(List.of(statuses));
      server.createContext("/", exchange -> {
        java.time.Instant at = java.time.Instant.now();
        byte[] body = exchange.getRequestBody().readAllBytes();
        int status = receiver.script.size() > 1 ? receiver.script.pollFirst() : receiver.script.peekFirst();
        try {
          Thread.sleep(receiver.delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        receiver.received.add(new Received(at, exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()), body, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
      });
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebhookReceiver takingMillis(long millis) {
    this.delayMillis = millis;
    return this;
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests it answered with a 2xx: what it took in. */
  public List<Received> accepted() {
    return received.stream().filter(r -> r.answered() / 100 == 2).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
