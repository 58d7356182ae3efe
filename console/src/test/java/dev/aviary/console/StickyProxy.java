package dev.aviary.console;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ingress with cookie affinity, as ingress-nginx's {@code affinity: cookie}: a browser's first request goes to
 * a live console, which the cookie {@value #COOKIE} names from then on; when that console stops answering, the
 * browser goes to another and the cookie names that one. The Host header is the proxy's, as behind an Ingress, and
 * WebSocket upgrades (Vaadin's push) are passed through.
 */
public final class StickyProxy implements AutoCloseable {

  public static final String COOKIE = "aviary-route";
  private static final Pattern ROUTE = Pattern.compile("(?:^|;\\s*)" + COOKIE + "=([^;]+)");

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient(new HttpClientOptions(),
      new PoolOptions().setHttp1MaxSize(64));
  private final Map<String, Integer> consoles = new LinkedHashMap<>();
  private final HttpServer server;

  /** @param consoles the consoles' names and ports on 127.0.0.1 */
  public StickyProxy(Map<String, Integer> consoles) {
    this.consoles.putAll(consoles);
    this.server = await(vertx.createHttpServer().webSocketHandler(this::webSocket).requestHandler(this::request)
        .listen(0, "127.0.0.1"));
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  private void request(HttpServerRequest in) {
    in.pause();
    in.body().onSuccess(body -> forward(in, body, candidates(in.headers()), 0))
        .onFailure(e -> in.response().setStatusCode(502).end());
    in.resume();
  }

  private void forward(HttpServerRequest in, Buffer body, List<String> candidates, int attempt) {
    if (attempt >= candidates.size()) {
      in.response().setStatusCode(503).end("no console answers");
      return;
    }
    String console = candidates.get(attempt);
    RequestOptions options = new RequestOptions().setMethod(in.method()).setURI(in.uri())
        .setServer(SocketAddress.inetSocketAddress(consoles.get(console), "127.0.0.1"))
        .setHost("127.0.0.1").setPort(server.actualPort()).setHeaders(copy(in.headers()));
    client.request(options).compose(out -> out.send(body))
        .onSuccess(answer -> answer.body().onSuccess(content -> reply(in, console, answer, content))
            .onFailure(e -> in.response().setStatusCode(502).end()))
        .onFailure(e -> forward(in, body, candidates, attempt + 1));
  }

  private void reply(HttpServerRequest in, String console, HttpClientResponse answer, Buffer content) {
    in.response().setStatusCode(answer.statusCode()).setStatusMessage(answer.statusMessage());
    in.response().headers().addAll(answer.headers());
    if (!console.equals(route(in.headers()).orElse(""))) {
      in.response().headers().add("Set-Cookie", COOKIE + "=" + console + "; Path=/; HttpOnly");
    }
    in.response().end(content);
  }

  private void webSocket(ServerWebSocket in) {
    Promise<Integer> handshake = Promise.promise();
    in.setHandshake(handshake.future());
    connect(in, candidates(in.headers()), 0, handshake);
  }

  private void connect(ServerWebSocket in, List<String> candidates, int attempt, Promise<Integer> handshake) {
    if (attempt >= candidates.size()) {
      handshake.fail("no console answers");
      return;
    }
    WebSocketConnectOptions options = new WebSocketConnectOptions();
    options.setURI(in.uri()).setServer(SocketAddress.inetSocketAddress(consoles.get(candidates.get(attempt)),
        "127.0.0.1")).setHost("127.0.0.1").setPort(server.actualPort()).setHeaders(copy(in.headers()));
    in.headers().getAll("Sec-WebSocket-Protocol").forEach(options::addSubProtocol);
    options.removeHeader("Sec-WebSocket-Protocol");
    client.webSocket(options).onSuccess(out -> {
      handshake.complete(101);
      pipe(in, out);
    }).onFailure(e -> connect(in, candidates, attempt + 1, handshake));
  }

  private static void pipe(ServerWebSocket in, WebSocket out) {
    in.frameHandler(out::writeFrame);
    out.frameHandler(in::writeFrame);
    in.closeHandler(closed -> out.close());
    out.closeHandler(closed -> in.close());
  }

  /** The console the cookie names first (if it is still listed), then the others in order. */
  private List<String> candidates(MultiMap headers) {
    List<String> order = new ArrayList<>(consoles.keySet());
    route(headers).filter(order::contains).ifPresent(named -> {
      order.remove(named);
      order.addFirst(named);
    });
    return order;
  }

  private static Optional<String> route(MultiMap headers) {
    for (String cookie : headers.getAll("Cookie")) {
      Matcher matcher = ROUTE.matcher(cookie);
      if (matcher.find()) {
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }

  private static MultiMap copy(MultiMap headers) {
    MultiMap copy = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    List.of("Host", "Connection", "Upgrade", "Sec-WebSocket-Key", "Sec-WebSocket-Version",
        "Sec-WebSocket-Extensions", "Transfer-Encoding", "Content-Length").forEach(copy::remove);
    return copy;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the proxy did not start", e);
    }
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
