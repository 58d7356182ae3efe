package dev.aviary.install.node;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Users of a platform service: requests at a steady rate to its Service address, which kube-proxy spreads over the
 * ready pods of every version (without a mesh, by pod count rather than by the release's weights).
 */
final class ServiceTraffic implements AutoCloseable {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  ServiceTraffic(String url, int perSecond) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build();
    sender.scheduleAtFixedRate(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete((response, error) -> (error == null && response.statusCode() < 500 ? answered : failed)
            .incrementAndGet()), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
  }

  long answered() {
    return answered.get();
  }

  long failed() {
    return failed.get();
  }

  @Override
  public void close() {
    sender.shutdownNow();
    http.close();
  }
}
