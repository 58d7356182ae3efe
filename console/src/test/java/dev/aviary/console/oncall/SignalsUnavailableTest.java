package dev.aviary.console.oncall;

import dev.aviary.console.notifications.WebhookBody;
import dev.aviary.console.notifications.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console pointed at a Prometheus that is not there: once the signals have been unavailable for the threshold,
 * the leading console tells on-call once, saying where it read from and why it could not.
 */
@SpringBootTest(properties = {"aviary.sandbox.ready-delay=100ms", "aviary.prometheus.refresh=300ms",
    "aviary.prometheus.timeout=500ms", "aviary.notifications.signals-unavailable-after=2s",
    "aviary.notifications.destinations.oncall.kind=webhook",
    "aviary.notifications.subscriptions[0].events=signals-unavailable",
    "aviary.notifications.subscriptions[0].destinations=oncall"})
class SignalsUnavailableTest {

  static final WebhookReceiver RECEIVER = WebhookReceiver.answering(200);
  static final int NOTHING_LISTENS = closedPort();
  @TempDir
  static Path data;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
    registry.add("aviary.prometheus.url", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    registry.add("aviary.notifications.destinations.oncall.url", () -> RECEIVER.url("/oncall").toString());
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void prometheus_unreachable_for_longer_than_the_threshold_is_told_once_with_where_and_why() {
    await().atMost(Duration.ofSeconds(60)).until(() -> !RECEIVER.received().isEmpty());

    JsonNode told = new ObjectMapper().readTree(RECEIVER.received().getFirst().text());
    assertThat(RECEIVER.received().getFirst().header(WebhookBody.EVENT_HEADER)).isEqualTo("signals-unavailable");
    assertThat(told.path("title").asString()).startsWith("Golden signals unavailable since ");
    String prometheus = "Prometheus at http://127.0.0.1:" + NOTHING_LISTENS;
    assertThat(told.path("text").asString()).isEqualTo("Aviary cannot read request rates, errors and latency from "
        + prometheus + ": request rate, error ratio, p99 latency: cannot connect to " + prometheus + ". Canary "
        + "analyses cannot judge and pause releases meanwhile.");
    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> RECEIVER.received().size() == 1);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
