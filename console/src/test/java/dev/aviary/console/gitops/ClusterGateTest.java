package dev.aviary.console.gitops;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.cluster.ClusterWriter;
import dev.aviary.console.coordination.InMemoryWriteLock;
import dev.aviary.console.coordination.PendingWrites;
import dev.aviary.console.coordination.WriteLock;
import dev.aviary.console.coordination.WriteLock.LockUnavailableException;
import dev.aviary.console.gitops.jgit.TestWorkspaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.aviary.console.gitops.PipelineFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two consoles' gates on one cluster and one Git remote: whichever writes last, the cluster never goes back to an
 * older commit's state.
 */
class ClusterGateTest {

  static final String KUSTOMIZATION = "resources: [settings.yaml]\n";

  @TempDir
  Path directory;
  /** What reached the cluster, in order: each object's {@code data.value}. */
  final List<String> written = new CopyOnWriteArrayList<>();
  final ClusterWriter cluster = new ClusterWriter() {
    @Override
    public void apply(List<Map<String, Object>> objects) {
      objects.forEach(o -> written.add(String.valueOf(Manifests.field(o, "data", "value").orElse(""))));
    }

    @Override
    public void delete(List<Map<String, Object>> objects) {
      objects.forEach(o -> written.add("deleted " + Manifests.identity(o)));
    }
  };
  final InMemoryWriteLock sharedLock = new InMemoryWriteLock();
  final GitProperties git = new GitProperties("file:///remote.git", "main", "", null, null,
      new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 3, GitProperties.Ssh.NONE);

  @Test
  void a_console_with_an_older_view_of_git_writes_from_the_newer_head_the_other_console_applied() throws Exception {
    Path remote = remoteWith("1");
    GitWorkspace a = workspace(remote, "a");
    GitWorkspace b = workspace(remote, "b");
    String first = a.head();
    String second = commit(b, "2");
    ClusterGate gateA = new ClusterGate(a, cluster, sharedLock, () -> true, git);
    ClusterGate gateB = new ClusterGate(b, cluster, sharedLock, () -> true, git);

    assertThat(gateB.write(second, ClusterGateTest::everything).commit()).isEqualTo(second);
    ClusterGate.Written late = gateA.write(first, ClusterGateTest::everything);

    assertThat(late.commit()).as("written from the head A fetched, not from its own older commit")
        .isEqualTo(second);
    assertThat(written).containsExactly("2", "2");
    assertThat(sharedLock.appliedCommit()).hasValue(second);
  }

  @Test
  void writes_a_retry_is_handing_over_still_count_as_pending_while_the_lock_cannot_be_reached() throws Exception {
    GitWorkspace a = workspace(remoteWith("1"), "a");
    CountDownLatch trying = new CountDownLatch(1);
    CountDownLatch giveUp = new CountDownLatch(1);
    AtomicBoolean slow = new AtomicBoolean(false);
    WriteLock unreachable = new WriteLock() {
      @Override
      public Held acquire() {
        if (slow.get()) {
          trying.countDown();
          awaitQuietly(giveUp);
        }
        throw new LockUnavailableException("cannot use the cluster's write lock: connection refused", null);
      }

      @Override
      public PendingWrites pending() {
        throw new LockUnavailableException("cannot use the cluster's write lock: connection refused", null);
      }
    };
    ClusterGate gate = new ClusterGate(a, cluster, unreachable, () -> true, git);
    gate.keepTrying(new PendingWrites(Set.of("base/webapi/a.yaml"), List.of()));
    slow.set(true);

    CompletableFuture<Void> retry = CompletableFuture.runAsync(gate::retryPending);
    assertThat(trying.await(10, TimeUnit.SECONDS)).isTrue();
    Set<String> whileTrying = gate.pendingFiles();
    giveUp.countDown();
    retry.get(10, TimeUnit.SECONDS);

    assertThat(whileTrying).containsExactly("base/webapi/a.yaml");
    assertThat(gate.pendingFiles()).containsExactly("base/webapi/a.yaml");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void a_write_from_a_commit_newer_than_the_last_applied_one_is_written_as_asked() throws Exception {
    GitWorkspace a = workspace(remoteWith("1"), "a");
    ClusterGate gate = new ClusterGate(a, cluster, sharedLock, () -> true, git);
    String first = a.head();
    gate.write(first, ClusterGateTest::everything);
    String second = commit(a, "2");

    assertThat(gate.write(second, ClusterGateTest::everything).commit()).isEqualTo(second);
    assertThat(written).containsExactly("1", "2");
  }

  @Test
  void when_the_last_applied_commit_is_gone_from_a_rewritten_branch_the_head_is_written() throws Exception {
    GitWorkspace a = workspace(remoteWith("1"), "a");
    ClusterGate gate = new ClusterGate(a, cluster, sharedLock, () -> true, git);
    try (var held = sharedLock.acquire()) {
      held.applied("0123456789abcdef0123456789abcdef01234567");
    }

    assertThat(gate.write(a.head(), ClusterGateTest::everything).commit()).isEqualTo(a.head());
    assertThat(written).containsExactly("1");
  }

  @Test
  void what_a_writer_asks_to_delete_is_deleted_after_what_it_applies() throws Exception {
    GitWorkspace a = workspace(remoteWith("1"), "a");
    ClusterGate gate = new ClusterGate(a, cluster, sharedLock, () -> true, git);

    ClusterGate.Written done = gate.write(a.head(), head -> new ClusterGate.Writes(
        head.all().stream().map(ManifestReader.Manifest::object).toList(),
        List.of(Map.of("kind", "ConfigMap", "metadata", Map.of("name", "old", "namespace", "apps")))));

    assertThat(written).containsExactly("1", "deleted ConfigMap/apps/old");
    assertThat(done.applied()).isEqualTo(1);
    assertThat(done.deleted()).isEqualTo(1);
  }

  /** A console's working copy of the remote, up to date. */
  private GitWorkspace workspace(Path remote, String console) {
    GitWorkspace workspace = TestWorkspaces.clone(remote.toUri().toString(), "main", directory.resolve(console));
    workspace.sync();
    return workspace;
  }

  private static ClusterGate.Writes everything(ManifestSet head) {
    return new ClusterGate.Writes(head.all().stream().map(ManifestReader.Manifest::object).toList(), List.of());
  }

  private static String commit(GitWorkspace workspace, String value) {
    PushOutcome outcome = workspace.commitAndPush(workspace.head(), Map.of("settings.yaml", settings(value)), ALICE,
        "settings: value " + value);
    assertThat(outcome).isInstanceOf(PushOutcome.Pushed.class);
    return ((PushOutcome.Pushed) outcome).commit();
  }

  private Path remoteWith(String value) {
    Path remote = directory.resolve("remote.git");
    GitCli.run(directory, "init", "-q", "--bare", "-b", "main", remote.toString());
    Path seed = directory.resolve("seed");
    seed.toFile().mkdirs();
    GitCli.pushFromOutside(remote, seed, "settings", copy -> {
      Files.writeString(copy.resolve("kustomization.yaml"), KUSTOMIZATION);
      Files.writeString(copy.resolve("settings.yaml"), settings(value));
    });
    return remote;
  }

  private static String settings(String value) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: apps}
        data: {value: "%s"}
        """.formatted(value);
  }
}
