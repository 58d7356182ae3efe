package dev.aviary.console.notifications.http;

import dev.aviary.console.notifications.Destination;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;
import dev.aviary.console.notifications.WebhookBody;
import dev.aviary.console.notifications.WebhookReceiver;
import dev.aviary.testsupport.Ports;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpDestinationTest {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static Notice rolledBack() {
    return new Notice("release/webapi-v2/rolled-back/1", NoticeKind.RELEASE_ROLLED_BACK,
        Instant.parse("2026-11-30T03:00:00Z"), "webapi", "webapi-v2", "release controller",
        "webapi: release webapi-v2 rolled back", "v2 failed analysis at 20%: success ratio 81.25%, limit >= 99.00%",
        List.of("success ratio  81.25%  limit >= 99.00%  stable 100.00%  <- broken"),
        "http://aviary.example/releases");
  }

  @Test
  void the_webhook_posts_the_documented_body_signed_so_the_receiver_can_verify_it() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
      HttpDestination.webhook("oncall", receiver.url("/hooks/aviary"), "s3cret-key", Duration.ofSeconds(2), HTTP)
          .send(rolledBack());

      WebhookReceiver.Received got = receiver.received().getFirst();
      assertThat(got.path()).isEqualTo("/hooks/aviary");
      assertThat(got.header("Content-Type")).isEqualTo("application/json");
      assertThat(got.header(WebhookBody.EVENT_HEADER)).isEqualTo("release-rolled-back");
      assertThat(got.header(WebhookBody.DELIVERY_HEADER)).isEqualTo("release/webapi-v2/rolled-back/1");
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec("s3cret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      assertThat(got.header(WebhookBody.SIGNATURE_HEADER))
          .isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(got.body())));
      JsonNode body = new ObjectMapper().readTree(got.text());
      assertThat(body.path("event").asString()).isEqualTo("release-rolled-back");
      assertThat(body.path("service").asString()).isEqualTo("webapi");
      assertThat(body.path("release").asString()).isEqualTo("webapi-v2");
      assertThat(body.path("figures").get(0).asString()).contains("81.25%");
      assertThat(body.path("link").asString()).isEqualTo("http://aviary.example/releases");
      assertThat(body.path("at").asString()).isEqualTo("2026-11-30T03:00:00Z");
    }
  }

  @Test
  void a_5xx_or_429_may_pass_and_is_retryable_a_4xx_is_not_and_neither_names_the_secret_path() {
    try (WebhookReceiver receiver = WebhookReceiver.answering(503, 429, 400)) {
      Destination slack = HttpDestination.slack("team", receiver.url("/services/T000/B000/XXXXSECRET"),
          Duration.ofSeconds(2), HTTP);

      assertThatThrownBy(() -> slack.send(rolledBack())).isInstanceOfSatisfying(Destination.DeliveryFailure.class,
          f -> assertThat(f.retryable()).isTrue());
      assertThatThrownBy(() -> slack.send(rolledBack())).isInstanceOfSatisfying(Destination.DeliveryFailure.class,
          f -> assertThat(f.retryable()).isTrue());
      assertThatThrownBy(() -> slack.send(rolledBack())).isInstanceOfSatisfying(Destination.DeliveryFailure.class,
          f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.getMessage()).contains("answered 400").doesNotContain("XXXXSECRET");
          });
    }
  }

  @Test
  void a_receiver_that_is_not_there_is_retryable_and_the_failure_names_only_its_host() throws Exception {
    Destination teams = HttpDestination.teams("ops",
        URI.create("http://127.0.0.1:" + Ports.NOTHING_LISTENS + "/workflows/SECRET"),
        Duration.ofSeconds(2), HTTP);

    assertThatThrownBy(() -> teams.send(rolledBack())).isInstanceOfSatisfying(Destination.DeliveryFailure.class,
        f -> {
          assertThat(f.retryable()).isTrue();
          assertThat(f.getMessage()).startsWith("127.0.0.1 could not be reached").doesNotContain("SECRET");
        });
  }
}
