package dev.aviary.console.gitops;

import dev.aviary.console.cluster.ClusterWriter;
import dev.aviary.console.coordination.InMemoryWriteLock;
import dev.aviary.console.scaling.ScaleVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.aviary.console.gitops.PipelineFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

/** When the cluster refuses a pushed change: it stays committed, says so, and is re-applied until it takes. */
class ChangePipelineApplyFailureTest {

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: webapi-v1
        namespace: document-processing
        labels: {app: webapi, version: v1}
      spec:
        replicas: 2
      """;

  final RepositoryFiles workspace = new RepositoryFiles()
      .with("kustomization.yaml", "resources: [deployment.yaml]")
      .with("deployment.yaml", DEPLOYMENT);
  final List<List<Map<String, Object>>> applied = new ArrayList<>();
  boolean clusterDown = true;

  final ClusterWriter cluster = new ClusterWriter() {
    @Override
    public void apply(List<Map<String, Object>> objects) {
      if (clusterDown) {
        throw new ClusterWriteException("applying Deployment webapi-v1 failed: connection refused", null, false);
      }
      applied.add(objects);
    }

    @Override
    public void delete(List<Map<String, Object>> objects) {
      if (!objects.isEmpty()) {
        throw new AssertionError("nothing here deletes");
      }
    }
  };
  final GitProperties git = new GitProperties("file:///remote.git", "main", "", null, null,
      new GitProperties.Committer("Aviary", "aviary@aviary.invalid"), 3, GitProperties.Ssh.NONE);
  boolean leading = false;
  final InMemoryWriteLock lock = new InMemoryWriteLock();
  final ClusterGate gate = new ClusterGate(workspace, cluster, lock, () -> leading, git);
  final ChangePipeline pipeline = new ChangePipeline(workspace, gate, git, event -> { });

  @Test
  void a_change_the_cluster_refuses_is_committed_not_applied_and_the_leader_reapplies_it_once_the_cluster_is_back() {
    ChangeResult result = pipeline.submit(new Change(new ScaleVersion("webapi", "v1", 4, 50), ALICE, ""));

    assertThat(result.state()).isEqualTo(ChangeResult.State.COMMITTED_NOT_APPLIED);
    assertThat(result.detail()).contains("connection refused");
    assertThat(workspace.read("deployment.yaml").orElseThrow()).contains("replicas: 4");
    assertThat(pipeline.unappliedFiles()).containsExactly("deployment.yaml");

    leading = true;
    gate.retryPending();
    assertThat(pipeline.unappliedFiles()).containsExactly("deployment.yaml");

    clusterDown = false;
    leading = false;
    gate.retryPending();
    assertThat(pipeline.unappliedFiles()).as("only the leading console retries").containsExactly("deployment.yaml");
    assertThat(applied).isEmpty();

    leading = true;
    gate.retryPending();
    assertThat(pipeline.unappliedFiles()).isEmpty();
    assertThat(applied).singleElement().satisfies(objects -> assertThat(objects.toString()).contains("replicas=4"));
  }

  @Test
  void when_the_write_lock_cannot_be_reached_either_the_console_keeps_the_change_and_hands_it_over_later() {
    lock.reachable(false);
    ChangeResult result = pipeline.submit(new Change(new ScaleVersion("webapi", "v1", 4, 50), ALICE, ""));

    assertThat(result.state()).isEqualTo(ChangeResult.State.COMMITTED_NOT_APPLIED);
    assertThat(pipeline.unappliedFiles()).as("kept on this console").containsExactly("deployment.yaml");
    gate.retryPending();
    assertThat(pipeline.unappliedFiles()).containsExactly("deployment.yaml");

    lock.reachable(true);
    gate.retryPending();
    assertThat(lock.pending().files()).as("handed over to the lock, for the leader").containsExactly(
        "deployment.yaml");
    assertThat(applied).isEmpty();

    clusterDown = false;
    leading = true;
    gate.retryPending();
    assertThat(pipeline.unappliedFiles()).isEmpty();
    assertThat(applied).singleElement().satisfies(objects -> assertThat(objects.toString()).contains("replicas=4"));
  }

  @Test
  void an_intent_that_asks_for_what_git_already_holds_makes_no_commit() {
    clusterDown = false;
    ChangeResult result = pipeline.submit(new Change(new ScaleVersion("webapi", "v1", 2, 50), ALICE, ""));

    assertThat(result.state()).isEqualTo(ChangeResult.State.NO_CHANGE);
    assertThat(applied).isEmpty();
  }
}
