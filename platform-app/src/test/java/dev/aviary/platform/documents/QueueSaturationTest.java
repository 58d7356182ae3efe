package dev.aviary.platform.documents;

import dev.aviary.platform.Http;
import dev.aviary.platform.stores.LocalWorkQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** A queue filled by documents that cannot finish: the service must refuse more and say it is not ready. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"platform.warmup=0s", "platform.workers=1", "platform.queue-capacity=2"})
class QueueSaturationTest {

  static final CountDownLatch RELEASE = new CountDownLatch(1);

  @TestConfiguration
  static class BlockedWorkers {
    /**
     * The real in-process queue, its one worker stuck and both places taken before any request arrives. The
     * service's own start() is ignored: these workers were started already.
     */
    @Bean
    @Primary
    WorkQueue blockedQueue() {
      LocalWorkQueue queue = new LocalWorkQueue(1, 2);
      queue.start(id -> {
        try {
          RELEASE.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      for (int i = 0; i < 3; i++) {
        queue.offer("blocked-" + i);
      }
      return new WorkQueue() {
        @Override
        public void start(Consumer<String> worker) {
        }

        @Override
        public void offer(String id) {
          queue.offer(id);
        }

        @Override
        public int depth() {
          return queue.depth();
        }

        @Override
        public int capacity() {
          return queue.capacity();
        }

        @Override
        public Optional<String> problem() {
          return queue.problem();
        }

        @Override
        public void close() {
          queue.close();
        }
      };
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  WorkQueue queue;

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
