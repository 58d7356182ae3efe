package dev.aviary.testsupport.controlplane;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The control plane's etcd, through its JSON gateway: health, and compaction for the tests of {@code 410 Gone}. */
final class Etcd {

  private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*\"(\\d+)\"");

  private final URI url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  Etcd(URI url) {
    this.url = url;
  }

  void awaitServing(Duration timeout, Supplier<String> failure) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (call("GET", "/health", null).contains("\"health\":\"true\"")) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      ControlPlane.pause();
    }
    throw new IOException("etcd did not serve within " + timeout + "\n" + failure.get());
  }

  /** Compacts (physically) up to the current revision; that revision. */
  long compact() throws IOException {
    // A range read of any key answers with the store's current revision in its header.
    Matcher revision = REVISION.matcher(call("POST", "/v3/kv/range", "{\"key\":\"Lw==\",\"limit\":1}"));
    if (!revision.find()) {
      throw new IOException("etcd did not say its revision");
    }
    long current = Long.parseLong(revision.group(1));
    call("POST", "/v3/kv/compaction", "{\"revision\":\"" + current + "\",\"physical\":true}");
    return current;
  }

  private String call(String method, String path, String json) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(10));
    request = json == null ? request.GET()
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("etcd answered " + response.statusCode() + " to " + path + ": " + response.body());
      }
      return response.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted talking to etcd", e);
    }
  }
}
