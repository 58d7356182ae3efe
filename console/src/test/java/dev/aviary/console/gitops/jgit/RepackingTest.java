package dev.aviary.console.gitops.jgit;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A workspace fed by many small fetches is repacked before its packs slow every lookup down. */
class RepackingTest {

  @Test
  void past_the_limit_the_packs_of_many_fetches_are_repacked_and_every_commit_stays_readable(@TempDir Path dir)
      throws Exception {
    Git remote = Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.resolve("remote").toFile())
        .call();
    Git writer = Git.init().setInitialBranch("main").setDirectory(dir.resolve("writer").toFile()).call();
    writer.remoteAdd().setName("origin").setUri(new URIish(dir.resolve("remote").toUri().toString())).call();
    commit(writer, 0);
    push(writer);
    Git workspace = Git.cloneRepository().setURI(dir.resolve("remote").toUri().toString()).setBare(true)
        .setDirectory(dir.resolve("workspace").toFile()).call();
    for (int i = 1; i <= Repacking.MOST_PACKS + 5; i++) {
      commit(writer, i);
      push(writer);
      workspace.fetch().setRefSpecs(new RefSpec("+refs/heads/main:refs/remotes/origin/main")).call();
    }
    assertThat(packs(workspace)).isGreaterThan(Repacking.MOST_PACKS);

    Repacking.ifNeeded(workspace);

    assertThat(packs(workspace)).as("one pack for branches, one for the remote-tracking refs").isLessThanOrEqualTo(2);
    ObjectId head = workspace.getRepository().resolve("refs/remotes/origin/main");
    assertThat(workspace.log().add(head).call()).hasSize(Repacking.MOST_PACKS + 6);
    remote.close();
    writer.close();
    workspace.close();
  }

  @Test
  void a_workspace_with_few_packs_is_left_as_it_is(@TempDir Path dir) throws Exception {
    Git repository = Git.init().setDirectory(dir.toFile()).call();
    commit(repository, 0);
    Path objects = dir.resolve(".git/objects");
    long before;
    try (var files = Files.walk(objects)) {
      before = files.count();
    }

    Repacking.ifNeeded(repository);

    try (var files = Files.walk(objects)) {
      assertThat(files.count()).as("no repacking: the loose objects are still there").isEqualTo(before);
    }
    repository.close();
  }

  private static void commit(Git git, int n) throws Exception {
    Files.writeString(git.getRepository().getWorkTree().toPath().resolve("file.txt"), "change " + n + "\n");
    git.add().addFilepattern("file.txt").call();
    git.commit().setMessage("change " + n).setAuthor("A", "a@example.com").setCommitter("A", "a@example.com")
        .setSign(false).call();
  }

  private static void push(Git git) throws Exception {
    git.push().setRemote("origin").setRefSpecs(new RefSpec("main:main")).call();
  }

  private static int packs(Git git) {
    return ((FileRepository) git.getRepository()).getObjectDatabase().getPacks().size();
  }
}
