package dev.aviary.platform.documents;

import dev.aviary.platform.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** A queue filled by documents that cannot finish: the service must refuse more and say it is not ready. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.warmup=0s", "platform.workers=1", "platform.queue-capacity=2"})
class QueueSaturationTest {

  static final CountDownLatch RELEASE = new CountDownLatch(1);

  @TestConfiguration
  static class BlockedWorkers {
    /** The real queue, with its one worker stuck and both places taken before any request arrives. */
    @Bean
    @Primary
    ProcessingQueue blockedQueue() {
      ProcessingQueue queue = new ProcessingQueue(1, 2);
      for (int i = 0; i < 3; i++) {
        queue.offer(() -> {
          try {
            RELEASE.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
      }
      return queue;
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  ProcessingQueue queue;

  @AfterEach
  void release() {
    RELEASE.countDown();
  }

  @Test
  void a_full_queue_gives_429_with_retry_after_and_makes_the_instance_not_ready() {
    Http http = new Http("http://localhost:" + port);
    assertThat(queue.saturated()).isTrue();

    Http.Response refused = http.post("/api/v1/documents", "text/plain",
        "one more document".getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isEqualTo("2");
    assertThat(refused.json().path("detail").asString()).isEqualTo("all 2 queue places are taken; retry later");

    Http.Response ready = http.get("/health/ready");
    assertThat(ready.status()).isEqualTo(503);
    assertThat(ready.body()).contains("processing queue full (2/2)");
    assertThat(http.get("/health/live").status()).isEqualTo(200);

    RELEASE.countDown();
    org.awaitility.Awaitility.await().until(() -> http.get("/health/ready").status() == 200);
    assertThat(http.post("/api/v1/documents", "text/plain", "one more document".getBytes(StandardCharsets.UTF_8))
        .status()).as("a refused document may be submitted again").isEqualTo(202);
  }
}
