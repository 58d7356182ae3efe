package dev.aviary.sandbox.git;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxGitRemoteTest {

  @TempDir
  Path dir;

  @Test
  void a_new_remote_holds_one_commit_with_the_manifests_and_git_can_read_it() throws Exception {
    SandboxGitRemote remote = SandboxGitRemote.initialize(dir.resolve("m.git"), Map.of(
        "kustomization.yaml", "resources: [webapi]\n".getBytes(StandardCharsets.UTF_8),
        "webapi/deployment.yaml", "kind: Deployment\n".getBytes(StandardCharsets.UTF_8)), Clock.systemUTC());

    assertThat(git(remote.directory(), "log", "--format=%an|%s", "main")).isEqualTo(
        "Aviary Sandbox|sandbox: import the document-processing platform manifests");
    assertThat(git(remote.directory(), "show", "main:webapi/deployment.yaml")).isEqualTo("kind: Deployment");
    assertThat(git(remote.directory(), "fsck", "--strict")).doesNotContain("error");
  }

  @Test
  void an_existing_remote_keeps_its_history_on_restart() throws Exception {
    Path repo = dir.resolve("m.git");
    SandboxGitRemote.initialize(repo, Map.of("a.yaml", new byte[] {'a'}), Clock.systemUTC());
    String head = git(repo, "rev-parse", "main");

    SandboxGitRemote.initialize(repo, Map.of("b.yaml", new byte[] {'b'}), Clock.systemUTC());

    assertThat(git(repo, "rev-parse", "main")).isEqualTo(head);
  }

  @Test
  void an_empty_import_is_refused() {
    assertThatThrownBy(() -> SandboxGitRemote.initialize(dir.resolve("m.git"), Map.of(), Clock.systemUTC()))
        .hasMessageContaining("no manifests");
  }

  static String git(Path gitDir, String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "git";
    command[1] = "--git-dir=" + gitDir;
    System.arraycopy(args, 0, command, 2, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.waitFor(30, TimeUnit.SECONDS);
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
  }
}
