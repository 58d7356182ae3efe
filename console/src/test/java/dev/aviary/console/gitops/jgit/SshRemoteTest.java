package dev.aviary.console.gitops.jgit;

import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.access.Identity;
import dev.aviary.console.gitops.PushOutcome;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.sandbox.git.SandboxGitRemote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An ssh:// remote: key authentication, and a host key that must be in the configured known_hosts. */
class SshRemoteTest {

  @TempDir
  Path directory;
  SshGitServer server;
  Path key;
  Path knownHosts;

  @BeforeEach
  void start() throws Exception {
    SandboxGitRemote.initialize(directory.resolve("manifests.git"), RepositoryFiles.platformManifests().bytes(),
        Clock.systemUTC());
    key = directory.resolve("id_ecdsa");
    server = new SshGitServer(directory.resolve("manifests.git"), directory.resolve("host.ser"),
        SshGitServer.newUserKey(key).getPublic());
    knownHosts = directory.resolve("known_hosts");
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void with_the_key_and_a_known_host_key_a_commit_is_pushed_over_ssh() throws Exception {
    Files.writeString(knownHosts, server.knownHostsLine());
    GitWorkspace workspace = TestWorkspaces.ssh(server.url(), directory.resolve("ws.git"), key, knownHosts);
    workspace.sync();

    PushOutcome outcome = workspace.commitAndPush(workspace.head(), Map.of("NOTES.md", "over ssh\n"),
        new Identity("Alice Operator", "alice@example.com"), "repository: add notes");

    assertThat(outcome).isInstanceOf(PushOutcome.Pushed.class);
    GitWorkspace reader = TestWorkspaces.ssh(server.url(), directory.resolve("reader.git"), key, knownHosts);
    reader.sync();
    assertThat(reader.read("NOTES.md")).contains("over ssh\n");
  }

  @Test
  void an_unknown_host_key_is_refused_with_a_clear_error() throws Exception {
    Files.writeString(knownHosts, "");
    GitWorkspace workspace = TestWorkspaces.ssh(server.url(), directory.resolve("ws.git"), key, knownHosts);

    assertThatThrownBy(workspace::sync).isInstanceOf(GitOpsException.class)
        .hasMessageContaining("cannot sync with the Git remote " + server.url())
        .hasMessageContaining("Server key did not validate");
  }

  @Test
  void a_changed_host_key_is_refused() throws Exception {
    String line = server.knownHostsLine();
    try (SshGitServer other = new SshGitServer(directory.resolve("manifests.git"), directory.resolve("other-host.ser"),
        SshGitServer.newUserKey(directory.resolve("other-key")).getPublic())) {
      String impostor = other.knownHostsLine();
      Files.writeString(knownHosts, line.substring(0, line.indexOf(' ')) + impostor.substring(impostor.indexOf(' ')));
    }
    GitWorkspace workspace = TestWorkspaces.ssh(server.url(), directory.resolve("ws.git"), key, knownHosts);

    assertThatThrownBy(workspace::sync).isInstanceOf(GitOpsException.class)
        .hasMessageContaining("cannot sync with the Git remote " + server.url())
        .hasMessageContaining("Server key did not validate");
  }
}
