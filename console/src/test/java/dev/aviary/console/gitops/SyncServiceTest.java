package dev.aviary.console.gitops;

import dev.aviary.console.cluster.ClusterReader;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Many pages asking at once share comparisons instead of each reading the cluster again. */
class SyncServiceTest {

  final RepositoryFiles files = new RepositoryFiles()
      .with("kustomization.yaml", "resources: [service.yaml]")
      .with("service.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: webapi, namespace: ns}\n");
  final CountDownLatch firstMayFinish = new CountDownLatch(1);
  final AtomicInteger reads = new AtomicInteger();

  final ClusterReader reader = new ClusterReader() {
    @Override
    public Optional<Map<String, Object>> live(Map<String, Object> manifest) {
      if (reads.incrementAndGet() == 1) {
        await(firstMayFinish);
      }
      return Optional.of(manifest);
    }

    @Override
    public List<Map<String, Object>> appliedByAviary(String apiVersion, String kind) {
      return List.of();
    }
  };

  final SyncService sync = new SyncService(files, new GitProperties("file:///r.git", "main", "", null, null,
      new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 3, GitProperties.Ssh.NONE), reader,
      (ClusterGate) null, Clock.systemUTC(), new SimpleAsyncTaskExecutor());

  @Test
  void requests_during_a_comparison_share_the_one_queued_after_it() throws Exception {
    CompletableFuture<SyncStatus> first = sync.status();
    CompletableFuture<SyncStatus> second = sync.status();
    CompletableFuture<SyncStatus> third = sync.status();

    assertThat(second).isSameAs(third).isNotSameAs(first);
    firstMayFinish.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).synced()).isTrue();
    assertThat(third.get(5, TimeUnit.SECONDS).synced()).isTrue();
    assertThat(reads).hasValue(2);
    assertThat(sync.status()).isNotSameAs(third);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
