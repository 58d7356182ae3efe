package dev.aviary.console.release;

import dev.aviary.console.WaitsOnTheClock;
import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.notifications.WebhookBody;
import dev.aviary.console.notifications.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two consoles on one cluster, as two replicas of Aviary: only the one holding the Lease steps releases. When it shuts
 * down in the middle of a release it releases the Lease, and the other takes it at once and carries on from the
 * status stored in the Release resource: every step is committed once, judged once, and the release is promoted; both consoles are subscribed to a
 * webhook, and each release notice reaches it once.
 */
@WaitsOnTheClock
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseLeaderChangeTest {

  ReleaseRig rig;
  WebhookReceiver receiver;

  /** The rig both consoles run on: here the sandbox's API server. */
  ReleaseRig rig(Path directory, String... settings) throws IOException {
    return ReleaseRig.start(directory, 200, settings);
  }

  @BeforeAll
  void startRig(@TempDir Path dir) throws Exception {
    receiver = WebhookReceiver.answering(200);
    // Limits as short as the judgment allows for a healthy canary (about a thousand requests a step, see
    // ReleaseRig.QUICK_LIMITS): what is tested is the hand-over, not how long evidence takes.
    rig = rig(dir, ReleaseRig.withQuickLimits("aviary.releases.plan.steps=25,50,100",
        "aviary.releases.plan.step-duration=4s",
        "aviary.releases.plan.warm-window=2s", "aviary.releases.plan.ready-timeout=60s",
        "aviary.notifications.destinations.oncall.kind=webhook",
        "aviary.notifications.destinations.oncall.url=" + receiver.url("/oncall"),
        "aviary.notifications.subscriptions[0].events=release-*",
        "aviary.notifications.subscriptions[0].destinations=oncall"));
    rig.console("console-a");
    rig.console("console-b");
  }

  @AfterAll
  void stopRig() {
    if (rig != null) {
      rig.close();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void when_the_leading_console_stops_mid_release_the_other_resumes_from_the_stored_state_without_repeating_a_step()
      throws Exception {
    String name = rig.begin("1.1.0");
    // The sequential judge holds each step until about a thousand requests show the canary within its limits.
    rig.await(name, r -> r.status().analyses().size() == 2, Duration.ofSeconds(180));
    String leader = rig.leader().orElseThrow();
    String other = leader.equals("console-a") ? "console-b" : "console-a";

    rig.stopConsole(leader);
    // Released on shutdown, not left to run out: fabric8 cuts the Lease to a second, unless the other already took it.
    assertThat(rig.lease().getSpec()).as("the Lease right after its holder shut down").satisfiesAnyOf(
        lease -> assertThat(lease.getLeaseDurationSeconds()).isEqualTo(1),
        lease -> assertThat(lease.getHolderIdentity()).isEqualTo(other));

    await().atMost(Duration.ofSeconds(10)).until(() -> rig.leader().filter(other::equals).isPresent());
    Release done = rig.awaitFinished(name, Duration.ofSeconds(120));
    String v = done.spec().canaryVersion();
    assertThat(done.phase()).as(done.status().message()).isEqualTo(ReleasePhase.PROMOTED);
    assertThat(done.status().analyses()).extracting(AnalysisResult::weight).containsExactly(25, 50, 100);
    List<String> commits = Arrays.asList(rig.git("log", "--format=%s", "--", "base/webapi", "istio/webapi")
        .split("\n"));
    for (int step = 1; step <= 3; step++) {
      String subject = "webapi: release " + v + ": step " + step + " of 3: ";
      assertThat(commits).as("commits of step " + step).filteredOn(c -> c.startsWith(subject)).hasSize(1);
    }
    assertThat(commits).filteredOn(c -> c.contains("promote:")).hasSize(3);
    await().atMost(Duration.ofSeconds(5)).until(() -> receiver.received().stream()
        .anyMatch(r -> "release-promoted".equals(r.header(WebhookBody.EVENT_HEADER))));
    assertThat(receiver.received()).extracting(r -> r.header(WebhookBody.EVENT_HEADER))
        .as("each release notice once, from whichever console led then")
        .containsExactly("release-started", "release-promoted");
    rig.retire(done);
  }
}
