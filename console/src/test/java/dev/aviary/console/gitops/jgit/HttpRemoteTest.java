package dev.aviary.console.gitops.jgit;

import dev.aviary.console.cluster.ClusterWriter;
import dev.aviary.console.gitops.Change;
import dev.aviary.console.gitops.ChangePipeline;
import dev.aviary.console.gitops.ChangeResult;
import dev.aviary.console.gitops.GitOpsException;
import dev.aviary.console.gitops.Gates;
import dev.aviary.console.gitops.GitProperties;
import dev.aviary.console.gitops.GitWorkspace;
import dev.aviary.console.access.Identity;
import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.console.scaling.ScaleVersion;
import dev.aviary.sandbox.git.SandboxGitRemote;
import dev.aviary.testsupport.git.HttpGitServer;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline against a Git host over smart HTTP with basic authentication, as a real remote behaves. */
class HttpRemoteTest {

  static final Identity ALICE = new Identity("Alice Operator", "alice@example.com");
  static final String TOKEN = "s3cret-token-4711";

  @TempDir
  Path directory;
  HttpGitServer server;
  SandboxGitRemote bare;
  final List<List<Map<String, Object>>> applied = new CopyOnWriteArrayList<>();
  final ClusterWriter cluster = new ClusterWriter() {
    @Override
    public void apply(List<Map<String, Object>> objects) {
      applied.add(objects);
    }

    @Override
    public void delete(List<Map<String, Object>> objects) {
      if (!objects.isEmpty()) {
        applied.add(objects);
      }
    }
  };

  @BeforeEach
  void start() throws Exception {
    bare = SandboxGitRemote.initialize(directory.resolve("manifests.git"), RepositoryFiles.platformManifests().bytes(),
        Clock.systemUTC());
    server = new HttpGitServer(bare.directory(), directory.resolve("tomcat"), "aviary", TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void with_the_right_credentials_a_change_is_pushed_over_http_and_applied() {
    GitWorkspace workspace = TestWorkspaces.clone(server.url(), "main", directory.resolve("ws"), "aviary", TOKEN);

    ChangeResult result = pipeline(workspace).submit(new Change(new ScaleVersion("webapi", "v1", 4, 50), ALICE, ""));

    assertThat(result.state()).isEqualTo(ChangeResult.State.APPLIED);
    GitWorkspace reader = TestWorkspaces.clone(server.url(), "main", directory.resolve("reader"), "aviary", TOKEN);
    reader.sync();
    assertThat(reader.head()).isEqualTo(result.commit());
    assertThat(reader.log(0, 1).getFirst().authorEmail()).isEqualTo("alice@example.com");
    assertThat(applied).hasSize(1);
  }

  @Test
  void wrong_credentials_give_a_clear_error_without_the_token_and_nothing_is_applied() {
    GitWorkspace workspace = TestWorkspaces.clone(server.url(), "main", directory.resolve("ws"), "aviary", "wrong");

    assertThatThrownBy(() -> pipeline(workspace).submit(new Change(new ScaleVersion("webapi", "v1", 4, 50), ALICE, "")))
        .isInstanceOf(GitOpsException.class)
        .hasMessageContaining("cannot sync with the Git remote " + server.url())
        .hasMessageContaining("not authorized")
        .hasMessageNotContaining("wrong").hasMessageNotContaining(TOKEN);
    assertThat(applied).isEmpty();
  }

  @Test
  void a_push_the_remote_refuses_for_another_reason_is_reported_and_nothing_is_applied() {
    server.onPreReceive((receive, commands) -> commands.forEach(c ->
        c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "main is protected: changes need a review")));
    GitWorkspace workspace = TestWorkspaces.clone(server.url(), "main", directory.resolve("ws"), "aviary", TOKEN);
    workspace.sync();
    String remoteHead = workspace.head();

    assertThatThrownBy(() -> pipeline(workspace).submit(new Change(new ScaleVersion("webapi", "v1", 4, 50), ALICE, "")))
        .isInstanceOf(GitOpsException.class)
        .hasMessage("the remote " + server.url() + " refused the push to main (REJECTED_OTHER_REASON: main is "
            + "protected: changes need a review)");
    assertThat(applied).isEmpty();
    assertThat(workspace.head()).as("the refused commit does not linger in the workspace").isEqualTo(remoteHead);
    assertThat(workspace.read("base/webapi/horizontal-pod-autoscaler-v1.yaml").orElseThrow()).contains("minReplicas: 3");
  }

  private ChangePipeline pipeline(GitWorkspace workspace) {
    GitProperties git = new GitProperties(server.url(), "main", "", "aviary", TOKEN,
        new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 3, GitProperties.Ssh.NONE);
    return new ChangePipeline(workspace, Gates.inMemory(workspace, cluster, git), git, event -> { });
  }
}
