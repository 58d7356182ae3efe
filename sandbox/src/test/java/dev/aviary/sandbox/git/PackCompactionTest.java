package dev.aviary.sandbox.git;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PackCompactionTest {

  @TempDir
  Path dir;

  private SandboxGitRemote remote;
  private final ListAppender<ILoggingEvent> jgitLog = new ListAppender<>();

  @BeforeEach
  void createRemoteAndListenToJGit() {
    remote = SandboxGitRemote.initialize(dir.resolve("remote.git"),
        Map.of("a.yaml", "a: 0\n".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());
    jgitLog.start();
    ((Logger) LoggerFactory.getLogger("org.eclipse.jgit")).addAppender(jgitLog);
  }

  @AfterEach
  void stopListening() {
    ((Logger) LoggerFactory.getLogger("org.eclipse.jgit")).detachAppender(jgitLog);
  }

  @Test
  void two_workspaces_pushing_while_the_remote_is_compacted_log_no_warning_and_leave_few_packs() throws Exception {
    int pushesEach = 40;
    Duration grace = Duration.ofSeconds(2);
    try (PackCompaction compaction = PackCompaction.start(remote.directory(), Duration.ofMillis(20), grace, 3);
         ExecutorService pushers = Executors.newFixedThreadPool(2)) {
      Future<?> first = pushers.submit(() -> pushCommits("first", pushesEach));
      Future<?> second = pushers.submit(() -> pushCommits("second", pushesEach));
      first.get();
      second.get();

      await().atMost(grace.multipliedBy(5)).untilAsserted(() -> assertThat(packs()).isLessThanOrEqualTo(3));
    }

    assertThat(jgitLog.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    assertThat(SandboxGitRemoteTest.git(remote.directory(), "rev-list", "--count", "first")).isEqualTo("41");
    assertThat(SandboxGitRemoteTest.git(remote.directory(), "rev-list", "--count", "second")).isEqualTo("41");
    assertThat(SandboxGitRemoteTest.git(remote.directory(), "fsck", "--strict")).doesNotContain("error");
  }

  @Test
  void packs_a_compaction_replaced_stay_for_the_grace_and_go_after_it() throws Exception {
    pushCommits("work", 5);
    int before = packs();

    int withinGrace = compactOnce(Duration.ofMinutes(1));
    int afterGrace = compactOnce(Duration.ZERO);

    assertThat(before).as("one pack per push").isEqualTo(5);
    assertThat(withinGrace).as("the new pack and every replaced one").isEqualTo(before + 1);
    assertThat(afterGrace).isEqualTo(1);
    assertThat(SandboxGitRemoteTest.git(remote.directory(), "rev-list", "--count", "work")).isEqualTo("6");
  }

  @Test
  void a_push_does_not_compact_the_remote_itself() throws Exception {
    pushCommits("work", 60);

    assertThat(packs()).as("JGit's receive-time collection would have repacked past 51").isEqualTo(60);
  }

  private int compactOnce(Duration grace) throws Exception {
    try (PackCompaction compaction = PackCompaction.start(remote.directory(), Duration.ofHours(1), grace, 0)) {
      return compaction.compactIfNeeded();
    }
  }

  /** Clones the remote into a workspace of its own and pushes {@code count} commits, one push each, to a branch. */
  private Void pushCommits(String branch, int count) throws Exception {
    Path workspace = dir.resolve("workspace-" + branch);
    try (Git git = Git.cloneRepository().setURI(remote.url()).setDirectory(workspace.toFile()).call()) {
      for (int i = 1; i <= count; i++) {
        Files.writeString(workspace.resolve(branch + ".yaml"), "n: " + i + "\n");
        git.add().addFilepattern(branch + ".yaml").call();
        git.commit().setMessage(branch + " " + i).setAuthor("Tester", "tester@example.com")
            .setCommitter("Tester", "tester@example.com").setSign(false).call();
        Iterable<PushResult> results = git.push().setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
        for (PushResult result : results) {
          assertThat(result.getRemoteUpdates()).extracting(u -> u.getStatus() + " " + u.getMessage())
              .containsOnly(RemoteRefUpdate.Status.OK + " null");
        }
      }
    }
    return null;
  }

  private int packs() throws IOException {
    try (Stream<Path> files = Files.list(remote.directory().resolve("objects/pack"))) {
      List<Path> packs = files.filter(f -> f.getFileName().toString().endsWith(".pack")).toList();
      return packs.size();
    }
  }
}
