package dev.aviary.console.gitops;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.access.Identity;
import dev.aviary.console.cluster.fabric8.TestClusterWriters;
import dev.aviary.console.gitops.jgit.TestWorkspaces;
import dev.aviary.sandbox.Sandbox;
import dev.aviary.sandbox.SandboxOptions;
import dev.aviary.sandbox.simulator.SimulatorSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A change pipeline wired to real things: the sandbox's API server and simulator, its bare Git remote on disk
 * (started from the repository's manifests/), a JGit workspace, and the production cluster writer.
 */
final class PipelineFixture implements AutoCloseable {

  static final Identity ALICE = new Identity("Alice Operator", "alice@example.com");
  static final Path MANIFESTS = Path.of(System.getProperty("user.dir")).resolve("../manifests").normalize();

  final Path directory;
  final Sandbox sandbox;
  final KubernetesClient operator;
  final GitWorkspace workspace;
  final ChangePipeline pipeline;
  final ClusterGate gate;
  private final StartupReconciler reconciler;
  final GitProperties git;
  final List<ChangeCommitted> published = new CopyOnWriteArrayList<>();

  PipelineFixture(Path directory) {
    this.directory = directory;
    sandbox = Sandbox.start(new SandboxOptions(directory.resolve("sandbox"), 0, "document-processing",
        RepositoryFiles.platformManifests().bytes(), new SimulatorSettings(Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(50), 3)),
        Clock.systemUTC());
    operator = new KubernetesClientBuilder().withConfig(sandbox.clientConfig()).build();
    workspace = TestWorkspaces.clone(sandbox.gitRemote().url(), "main", directory.resolve("workspace"));
    git = new GitProperties(sandbox.gitRemote().url(), "main", "", null, null,
        new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 5, GitProperties.Ssh.NONE);
    gate = Gates.inMemory(workspace, TestClusterWriters.forClient(operator, List.of("document-processing")), git);
    pipeline = new ChangePipeline(workspace, gate, git, event -> published.add((ChangeCommitted) event));
    workspace.sync();
    reconciler = new StartupReconciler(workspace, gate, () -> true);
    reconciler.run(null);
  }

  /** The git CLI on the bare remote: what anyone cloning it would see. */
  String git(String... args) {
    return GitCli.run(sandbox.gitRemote().directory(), args);
  }

  String remoteHead() {
    return git("rev-parse", "main");
  }

  @Override
  public void close() {
    reconciler.destroy();
    operator.close();
    sandbox.close();
  }
}
