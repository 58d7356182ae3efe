package dev.aviary.console.coordination.fabric8;

import dev.aviary.console.coordination.PendingWrites;
import dev.aviary.console.coordination.WriteLock;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.sandbox.Sandbox;
import dev.aviary.sandbox.SandboxOptions;
import dev.aviary.sandbox.simulator.SimulatorSettings;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The write lock as a Lease on the sandbox's API server, taken by two consoles. */
class LeaseWriteLockTest {

  @TempDir
  Path directory;
  Sandbox sandbox;
  KubernetesClient client;
  final List<LeaseWriteLock> locks = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sandbox = Sandbox.start(new SandboxOptions(directory.resolve("sandbox"), 0, "document-processing",
        RepositoryFiles.platformManifests().bytes(), new SimulatorSettings(Duration.ofMillis(20),
        Duration.ofMillis(50), Duration.ofMillis(50), 3)), Clock.systemUTC());
    client = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build();
  }

  @AfterEach
  void stop() {
    locks.forEach(LeaseWriteLock::close);
    client.close();
    sandbox.close();
  }

  @Test
  void a_second_console_waits_for_the_first_to_release_and_then_sees_what_it_applied() throws Exception {
    LeaseWriteLock a = lock("console-a", Duration.ofSeconds(15), Duration.ofSeconds(10));
    LeaseWriteLock b = lock("console-b", Duration.ofSeconds(15), Duration.ofSeconds(10));
    WriteLock.Held held = a.acquire();
    assertThat(held.appliedCommit()).isEmpty();

    CompletableFuture<WriteLock.Held> second = CompletableFuture.supplyAsync(b::acquire);
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(1)).until(() -> !second.isDone());
    held.applied("c0ffee0000000000000000000000000000000001");
    held.close();

    try (WriteLock.Held next = second.get(5, TimeUnit.SECONDS)) {
      assertThat(next.appliedCommit()).hasValue("c0ffee0000000000000000000000000000000001");
      assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("console-b");
    }
    assertThat(lease().getSpec().getHolderIdentity()).isNull();
  }

  @Test
  void a_console_that_stopped_renewing_is_passed_over_after_the_duration_and_one_that_waits_too_long_is_told_who()
      throws Exception {
    LeaseWriteLock dying = lock("console-a", Duration.ofSeconds(2), Duration.ofSeconds(10));
    LeaseWriteLock patient = lock("console-b", Duration.ofSeconds(2), Duration.ofSeconds(10));
    LeaseWriteLock hasty = lock("console-c", Duration.ofSeconds(2), Duration.ofMillis(300));
    dying.acquire();
    dying.close(); // its renewals stop, as when its process dies while writing

    assertThatThrownBy(hasty::acquire).isInstanceOf(WriteLock.LockUnavailableException.class)
        .hasMessageStartingWith("another console is writing to the cluster: the write lock (Lease aviary/"
            + "aviary-writes) is held by console-a since ");
    long start = System.nanoTime();
    try (WriteLock.Held taken = patient.acquire()) {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(1200),
          Duration.ofSeconds(5));
      assertThat(lease().getSpec().getHolderIdentity()).isEqualTo("console-b");
      assertThat(lease().getSpec().getLeaseTransitions()).isEqualTo(1);
    }
  }

  @Test
  void a_hold_longer_than_the_duration_is_kept_by_renewing_it() throws Exception {
    LeaseWriteLock a = lock("console-a", Duration.ofSeconds(1), Duration.ofSeconds(10));
    LeaseWriteLock b = lock("console-b", Duration.ofSeconds(1), Duration.ofMillis(2500));
    try (WriteLock.Held held = a.acquire()) {
      assertThatThrownBy(b::acquire).isInstanceOf(WriteLock.LockUnavailableException.class)
          .hasMessageContaining("held by console-a");
      held.applied("c0ffee0000000000000000000000000000000002");
    }
    try (WriteLock.Held next = b.acquire()) {
      assertThat(next.appliedCommit()).hasValue("c0ffee0000000000000000000000000000000002");
    }
  }

  @Test
  void a_console_that_waited_has_the_lock_before_the_one_that_released_it_can_take_it_again() throws Exception {
    LeaseWriteLock a = lock("console-a", Duration.ofSeconds(15), Duration.ofSeconds(10));
    LeaseWriteLock b = lock("console-b", Duration.ofSeconds(15), Duration.ofSeconds(10));
    List<String> order = new CopyOnWriteArrayList<>();
    WriteLock.Held first = a.acquire();
    CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
      try (WriteLock.Held held = b.acquire()) {
        order.add("console-b");
        sleepQuietly(200);
      }
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> "console-b".equals(
        lease().getMetadata().getAnnotations().get("aviary.dev/next")));

    first.close();
    try (WriteLock.Held again = a.acquire()) {
      order.add("console-a");
    }
    waiting.get(5, TimeUnit.SECONDS);

    assertThat(order).containsExactly("console-b", "console-a");
    assertThat(lease().getMetadata().getAnnotations()).doesNotContainKey("aviary.dev/next");
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void pending_writes_kept_by_one_console_are_seen_by_another_with_only_what_names_the_objects_to_delete() {
    LeaseWriteLock a = lock("console-a", Duration.ofSeconds(15), Duration.ofSeconds(10));
    LeaseWriteLock b = lock("console-b", Duration.ofSeconds(15), Duration.ofSeconds(10));
    Map<String, Object> deployment = Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata",
        Map.of("name", "webapi-v2", "namespace", "document-processing", "labels", Map.of("app", "webapi")),
        "spec", Map.of("replicas", 2));
    try (WriteLock.Held held = a.acquire()) {
      held.pending(held.pending().plus(new PendingWrites(Set.of("base/webapi/deployment-v1.yaml"),
          List.of(deployment))));
    }

    PendingWrites seen = b.pending();
    assertThat(seen.files()).containsExactly("base/webapi/deployment-v1.yaml");
    assertThat(seen.deletions()).containsExactly(Map.of("apiVersion", "apps/v1", "kind", "Deployment", "metadata",
        Map.of("name", "webapi-v2", "namespace", "document-processing")));
    try (WriteLock.Held held = b.acquire()) {
      assertThat(held.pending()).isEqualTo(seen);
      held.pending(PendingWrites.NONE);
    }
    assertThat(a.pending().isEmpty()).isTrue();
  }

  private LeaseWriteLock lock(String identity, Duration duration, Duration timeout) {
    LeaseWriteLock lock = new LeaseWriteLock(client, "aviary", "aviary-writes", identity, duration, timeout,
        Clock.systemUTC());
    locks.add(lock);
    return lock;
  }

  private Lease lease() {
    return client.leases().inNamespace("aviary").withName("aviary-writes").get();
  }
}
