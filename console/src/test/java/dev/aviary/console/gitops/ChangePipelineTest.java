package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;
import dev.aviary.console.cluster.fabric8.TestClusterWriters;
import dev.aviary.console.gitops.jgit.TestWorkspaces;
import dev.aviary.console.release.AddCanaryVersion;
import dev.aviary.console.routing.IstioRouter;
import dev.aviary.console.routing.SetTrafficWeights;
import dev.aviary.console.scaling.ScaleStatefulSet;
import dev.aviary.console.scaling.ScaleVersion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.aviary.console.gitops.PipelineFixture.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ChangePipelineTest {

  static final ResourceDefinitionContext VIRTUAL_SERVICES = new ResourceDefinitionContext.Builder()
      .withGroup("networking.istio.io").withVersion("v1").withKind("VirtualService").withPlural("virtualservices")
      .withNamespaced(true).build();

  @TempDir
  Path directory;
  PipelineFixture fixture;

  @BeforeEach
  void start() {
    fixture = new PipelineFixture(directory);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void scaling_an_autoscaled_version_commits_as_the_operator_and_the_cluster_follows_the_new_minimum() {
    ChangeResult result = fixture.pipeline.submit(new Change(new ScaleVersion("document-processor", "v1", 4, 50),
        ALICE, "Month-end batch is coming"));

    assertThat(result.state()).isEqualTo(ChangeResult.State.APPLIED);
    assertThat(result.commit()).isEqualTo(fixture.remoteHead());
    assertThat(fixture.git("log", "-1", "--format=%an <%ae>|%cn <%ce>|%s")).isEqualTo(
        "Alice Operator <alice@example.com>|Aviary <aviary@aviary.invalid>|document-processor: scale "
            + "document-processor-v1 to at least 4 replicas (autoscaler document-processor-v1: min 4, max 8)");
    assertThat(fixture.git("log", "-1", "--format=%(trailers:key=Aviary-Action,valueonly)")).isEqualTo("scale");
    assertThat(fixture.git("log", "-1", "--format=%(trailers:key=Aviary-Change-Id,valueonly)"))
        .isEqualTo(result.changeId());
    assertThat(fixture.git("log", "-1", "--format=%b")).startsWith("Month-end batch is coming");
    assertThat(fixture.git("show", "--format=", "--numstat", "HEAD")).isEqualTo(
        "1\t1\tbase/document-processor/horizontal-pod-autoscaler-v1.yaml");
    fixture.git("fsck", "--strict");

    HorizontalPodAutoscaler hpa = fixture.operator.autoscaling().v2().horizontalPodAutoscalers()
        .inNamespace("document-processing").withName("document-processor-v1").get();
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(4);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(fixture.operator.apps().deployments()
        .inNamespace("document-processing").withName("document-processor-v1").get().getStatus())
        .isNotNull().satisfies(status -> assertThat(status.getReadyReplicas()).isEqualTo(4)));
    assertThat(fixture.published).singleElement().satisfies(e -> assertThat(e.author()).isEqualTo(ALICE));
  }

  @Test
  void a_new_canary_route_is_added_to_the_virtual_service_next_to_the_stable_one() {
    fixture.workspace.sync();
    String destinationRule = fixture.workspace.read("istio/webapi/destination-rule.yaml").orElseThrow()
        .replace("""
                - name: v1
                  labels:
                    version: v1
            """, """
                - name: v1
                  labels:
                    version: v1
                - name: v2
                  labels:
                    version: v2
            """);
    fixture.workspace.commitAndPush(fixture.workspace.head(), Map.of("istio/webapi/destination-rule.yaml", destinationRule), ALICE,
        "webapi: add subset v2");

    fixture.pipeline.submit(new Change(new SetTrafficWeights("webapi", Map.of("v1", 75, "v2", 25),
        List.of(new IstioRouter())), ALICE, ""));

    assertThat(fixture.git("log", "-1", "--format=%s")).isEqualTo("webapi: route v1 75%, v2 25%");
    GenericKubernetesResource vs = fixture.operator.genericKubernetesResources(VIRTUAL_SERVICES)
        .inNamespace("document-processing").withName("webapi").get();
    assertThat(vs.get("spec", "http", 0, "route").toString())
        .contains("subset=v1", "weight=75", "subset=v2", "weight=25");
  }

  @Test
  void invalid_intents_are_refused_by_name_and_change_neither_git_nor_the_cluster() {
    String head = fixture.remoteHead();
    GenericKubernetesResource liveRoute = virtualService();

    assertRefused(new SetTrafficWeights("webapi", Map.of("v1", 130), List.of(new IstioRouter())),
        "weight for v1 must be between 0 and 100, got 130");
    assertRefused(new SetTrafficWeights("webapi", Map.of("v1", 90), List.of(new IstioRouter())),
        "weights must sum to 100, got 90");
    assertRefused(new SetTrafficWeights("webapi", Map.of("v1", 60, "v3", 40), List.of(new IstioRouter())),
        "no subset 'v3' in the DestinationRule for host webapi (subsets: [v1])");
    assertRefused(new ScaleVersion("billing", "v1", 2, 50), "unknown service 'billing' (the manifests hold "
        + "[document-processor, webapi])");
    assertRefused(new ScaleVersion("webapi", "v7", 2, 50), "service webapi has no version 'v7' (versions: [v1])");
    assertRefused(new ScaleVersion("webapi", "v1", 0, 50), "cannot go below 1 replica");
    assertThatThrownBy(() -> new ScaleVersion("webapi", "v1", -1, 50))
        .hasMessage("replicas must be between 0 and 50, got -1");

    assertThat(fixture.remoteHead()).isEqualTo(head);
    assertThat(virtualService().get("spec").toString()).isEqualTo(liveRoute.get("spec").toString());
    assertThat(fixture.published).isEmpty();
  }

  @Test
  void scaling_a_stateful_set_commits_its_replicas_and_the_cluster_runs_the_ordered_pods_with_a_claim_each() {
    ChangeResult result = fixture.pipeline.submit(new Change(new ScaleStatefulSet("redis", "redis", 2, 50), ALICE,
        "A replica to fail over to"));

    assertThat(result.state()).isEqualTo(ChangeResult.State.APPLIED);
    assertThat(fixture.git("log", "-1", "--format=%an|%s")).isEqualTo("Alice Operator|redis: scale redis to 2 replicas");
    assertThat(fixture.git("show", "--format=", "--numstat", "HEAD")).isEqualTo("1\t1\tbase/redis/stateful-set.yaml");
    assertThat(fixture.git("show", "--format=", "-U0", "HEAD")).contains("-  replicas: 1", "+  replicas: 2");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(fixture.operator.apps().statefulSets().inNamespace("document-processing").withName("redis").get()
          .getStatus().getReadyReplicas()).isEqualTo(2);
      assertThat(fixture.operator.persistentVolumeClaims().inNamespace("document-processing").list().getItems())
          .extracting(c -> c.getMetadata().getName()).contains("data-redis-0", "data-redis-1");
    });
  }

  @Test
  void a_store_is_scaled_as_a_stateful_set_and_refused_as_a_version_saying_why() {
    String head = fixture.remoteHead();
    assertRefused(new ScaleVersion("postgresql", "v1", 2, 50), "service postgresql runs as StatefulSet postgresql, "
        + "not a Deployment: versions, traffic and canary releases are for Deployments (scale a StatefulSet as it is)");
    assertRefused(new ScaleStatefulSet("postgresql", "pg", 2, 50),
        "service postgresql has no StatefulSet 'pg' (StatefulSets: [postgresql])");
    assertThatThrownBy(() -> new ScaleStatefulSet("redis", "redis", 51, 50))
        .hasMessage("replicas must be between 0 and 50, got 51");
    assertThat(fixture.remoteHead()).isEqualTo(head);
  }

  @Test
  void manifests_that_no_longer_parse_are_reported_with_the_file_and_nothing_is_committed() {
    fixture.workspace.sync();
    fixture.workspace.commitAndPush(fixture.workspace.head(), Map.of("base/webapi/service.yaml", "apiVersion: v1\nkind: Service\nmetadata: ["),
        ALICE, "break a file");
    String head = fixture.remoteHead();

    assertThatThrownBy(() -> fixture.pipeline.submit(new Change(new ScaleVersion("webapi", "v1", 4, 50), ALICE, "")))
        .isInstanceOf(GitOpsException.class).hasMessageContaining("base/webapi/service.yaml is not valid YAML");
    assertThat(fixture.remoteHead()).isEqualTo(head);
  }

  @Test
  void a_push_that_loses_the_race_is_redone_on_the_new_head_keeping_both_changes_in_a_linear_history() {
    GitWorkspace other = TestWorkspaces.clone(fixture.sandbox.gitRemote().url(), "main", directory.resolve("other"));
    AtomicBoolean raced = new AtomicBoolean();
    Intent scale = new ScaleVersion("webapi", "v1", 5, 50);
    Intent racing = new DelegatingIntent(scale) {
      @Override
      public void edit(ManifestSet manifests) {
        if (raced.compareAndSet(false, true)) {
          other.sync();
          String config = other.read("base/webapi/config-map.yaml").orElseThrow().replace("WORKERS: \"2\"", "WORKERS: \"3\"");
          other.commitAndPush(other.head(), Map.of("base/webapi/config-map.yaml", config), new Identity("Bob", "bob@example.com"),
              "webapi: more workers");
        }
        super.edit(manifests);
      }
    };

    ChangeResult result = fixture.pipeline.submit(new Change(racing, ALICE, ""));

    assertThat(result.attempts()).isEqualTo(2);
    assertThat(fixture.git("log", "-2", "--format=%an: %s")).isEqualTo("""
        Alice Operator: webapi: scale webapi-v1 to at least 5 replicas (autoscaler webapi-v1: min 5, max 10)
        Bob: webapi: more workers""");
    assertThat(fixture.git("rev-list", "--merges", "--count", "main")).isEqualTo("0");
  }

  @Test
  void fifty_changes_from_five_threads_all_land_one_commit_each_and_the_cluster_equals_git() throws Exception {
    int commitsBefore = Integer.parseInt(fixture.git("rev-list", "--count", "main"));
    List<Callable<ChangeResult>> changes = new ArrayList<>();
    for (int thread = 0; thread < 5; thread++) {
      int t = thread;
      changes.add(() -> {
        ChangeResult last = null;
        for (int i = 0; i < 10; i++) {
          // Every value distinct and above the seeded minimums, so every change really changes something.
          String service = (t + i) % 2 == 0 ? "webapi" : "document-processor";
          last = fixture.pipeline.submit(new Change(new ScaleVersion(service, "v1", 5 + t * 10 + i, 60), ALICE, ""));
          assertThat(last.state()).isEqualTo(ChangeResult.State.APPLIED);
        }
        return last;
      });
    }
    try (ExecutorService threads = Executors.newFixedThreadPool(5)) {
      for (Future<ChangeResult> done : threads.invokeAll(changes)) {
        done.get();
      }
    }

    assertThat(Integer.parseInt(fixture.git("rev-list", "--count", "main"))).isEqualTo(commitsBefore + 50);
    assertThat(fixture.git("log", "-50", "--format=%(trailers:key=Aviary-Change-Id,valueonly)").lines()
        .filter(l -> !l.isBlank()).distinct())
        .hasSize(50);
    assertThat(fixture.published).hasSize(50);
    fixture.workspace.sync();
    ManifestSet head = new ManifestSet(fixture.workspace, "");
    for (ManifestReader.Manifest hpa : head.ofKind("HorizontalPodAutoscaler")) {
      HorizontalPodAutoscaler live = fixture.operator.autoscaling().v2().horizontalPodAutoscalers()
          .inNamespace("document-processing").withName(ManifestSet.name(hpa)).get();
      assertThat(live.getSpec().getMinReplicas()).isEqualTo(ManifestSet.field(hpa.object(), "spec", "minReplicas").orElseThrow());
      assertThat(live.getSpec().getMaxReplicas()).isEqualTo(ManifestSet.field(hpa.object(), "spec", "maxReplicas").orElseThrow());
    }
  }

  @Test
  void a_revert_that_later_changes_overlap_is_refused_by_name() {
    ChangeResult first = fixture.pipeline.submit(new Change(new ScaleVersion("document-processor", "v1", 5, 50),
        ALICE, ""));
    fixture.pipeline.submit(new Change(new ScaleVersion("document-processor", "v1", 6, 50), ALICE, ""));
    String head = fixture.remoteHead();

    assertRefused(new RevertCommit(fixture.workspace, fixture.workspace.commit(first.commit()),
        RevertCommit.REVERT), "cannot revert "
        + first.shortCommit() + ": later changes touched the same lines of "
        + "base/document-processor/horizontal-pod-autoscaler-v1.yaml");
    String unknown = "0123456789abcdef0123456789abcdef01234567";
    assertThatThrownBy(() -> fixture.workspace.commit(unknown)).isInstanceOf(InvalidChangeException.class)
        .hasMessageStartingWith("no commit " + unknown);
    assertThat(fixture.remoteHead()).isEqualTo(head);
  }

  @Test
  void reverting_a_commit_that_added_a_version_removes_its_file_and_its_objects_from_the_cluster() {
    ChangeResult added = fixture.pipeline.submit(new Change(new AddCanaryVersion(), ALICE, ""));
    await().atMost(Duration.ofSeconds(5)).until(() -> fixture.operator.apps().deployments()
        .inNamespace("document-processing").withName("webapi-v2").get() != null);

    ChangeResult reverted = fixture.pipeline.submit(new Change(new RevertCommit(fixture.workspace,
        fixture.workspace.commit(added.commit()), RevertCommit.REVERT), ALICE, "no canary today"));

    assertThat(reverted.state()).isEqualTo(ChangeResult.State.APPLIED);
    assertThat(fixture.git("show", "--format=", "--name-status", "HEAD")).isEqualTo("""
        D\tbase/webapi/deployment-v2.yaml
        M\tbase/webapi/kustomization.yaml
        M\tistio/webapi/destination-rule.yaml""");
    assertThat(fixture.git("diff", added.commit() + "~1", "HEAD", "--stat")).isEmpty();
    await().atMost(Duration.ofSeconds(5)).until(() -> fixture.operator.apps().deployments()
        .inNamespace("document-processing").withName("webapi-v2").get() == null);
  }

  @Test
  void an_object_git_no_longer_names_shows_as_left_in_the_cluster_and_sync_deletes_it() throws Exception {
    fixture.pipeline.submit(new Change(new AddCanaryVersion(), ALICE, ""));
    fixture.workspace.sync();
    String kustomization = fixture.workspace.read("base/webapi/kustomization.yaml").orElseThrow()
        .replace("\n  - deployment-v2.yaml", "");
    java.util.Map<String, String> removal = new java.util.HashMap<>();
    removal.put("base/webapi/deployment-v2.yaml", null);
    removal.put("base/webapi/kustomization.yaml", kustomization);
    fixture.workspace.commitAndPush(fixture.workspace.head(), removal, ALICE, "webapi: drop v2 by hand");
    SyncService sync = new SyncService(fixture.workspace, fixture.git, TestClusterWriters.readerFor(fixture.operator,
        List.of("document-processing")), fixture.gate, java.time.Clock.systemUTC(), new org.springframework.core.task.SimpleAsyncTaskExecutor());

    SyncStatus before = sync.status().get();
    assertThat(before.services()).filteredOn(s -> s.name().equals("webapi")).singleElement()
        .satisfies(s -> assertThat(s.drifts()).extracting(SyncStatus.ObjectDrift::describe)
            .containsExactly("Deployment webapi-v2: in the cluster, no longer in Git"));

    sync.sync("webapi", ALICE).get();

    assertThat(fixture.operator.apps().deployments().inNamespace("document-processing").withName("webapi-v2").get())
        .isNull();
    assertThat(sync.status().get().synced()).isTrue();
  }

  private void assertRefused(Intent intent, String message) {
    assertThatThrownBy(() -> fixture.pipeline.submit(new Change(intent, ALICE, "")))
        .isInstanceOf(InvalidChangeException.class).hasMessageContaining(message);
  }

  private GenericKubernetesResource virtualService() {
    return fixture.operator.genericKubernetesResources(VIRTUAL_SERVICES).inNamespace("document-processing")
        .withName("webapi").get();
  }

  /** An intent that does what another does, for tests that need to act in the middle of a change. */
  abstract static class DelegatingIntent implements Intent {
    private final Intent delegate;

    DelegatingIntent(Intent delegate) {
      this.delegate = delegate;
    }

    @Override
    public String service() {
      return delegate.service();
    }

    @Override
    public String action() {
      return delegate.action();
    }

    @Override
    public String summary() {
      return delegate.summary();
    }

    @Override
    public void edit(ManifestSet manifests) {
      delegate.edit(manifests);
    }
  }
}
