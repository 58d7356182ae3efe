package dev.aviary.console.oncall;

import dev.aviary.console.health.HealthStatus;
import dev.aviary.console.health.OverviewService;
import dev.aviary.console.notifications.WebhookBody;
import dev.aviary.console.notifications.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A console that starts while the sandbox's pods are still coming up sees services unhealthy at first and healthy a
 * little later. Nobody was told they were unhealthy, so nobody is told they recovered.
 */
// Its context is built on this class's temporary directory: closed after the class, not kept running against a
// deleted directory until the JVM ends (its watches logged errors for the rest of the build).
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "aviary.sandbox.ready-delay=4s", "aviary.notifications.health-hold=1s",
    "aviary.notifications.destinations.oncall.kind=webhook",
    "aviary.notifications.subscriptions[0].events=service-*",
    "aviary.notifications.subscriptions[0].destinations=oncall"})
class StartupNoticesTest {

  static final WebhookReceiver RECEIVER = WebhookReceiver.answering(200);
  @TempDir
  static Path data;
  @Autowired
  OverviewService overview;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
    registry.add("aviary.notifications.destinations.oncall.url", () -> RECEIVER.url("/oncall").toString());
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void services_coming_up_as_the_console_starts_are_not_told_as_recovered() {
    await().atMost(Duration.ofSeconds(60)).until(() -> !overview.current().services().isEmpty()
        && overview.current().services().stream().allMatch(s -> s.health().status() == HealthStatus.HEALTHY));

    await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> told().isEmpty());
  }

  private static List<String> told() {
    return RECEIVER.received().stream().map(r -> r.header(WebhookBody.EVENT_HEADER))
        .filter("service-recovered"::equals).toList();
  }
}
