package dev.aviary.console;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.gitops.SyncService;
import dev.aviary.console.gitops.SyncStatus;
import dev.aviary.console.health.HealthStatus;
import dev.aviary.console.health.OverviewService;
import dev.aviary.console.health.ServiceHealth;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The whole console on a real Kubernetes control plane, with exactly the rights {@code k8s/} gives it: start-up
 * reconciliation, the change pipeline end to end, drift and Sync, and the overview built from what the real
 * controllers made.
 */
class RealClusterConsoleTest {

  private static final String NS = RealCluster.NAMESPACE;
  private static RealCluster cluster;
  private static ConfigurableApplicationContext console;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void install() throws Exception {
    cluster = RealCluster.start("real-console");
    console = cluster.console("console-a");
  }

  @AfterAll
  static void uninstall() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * The pods are Running and Ready, but the real HPA controller finds no resource metrics API (there is no
   * metrics-server here) and says so in its ScalingActive condition; the overview shows that, as Argo CD does, rather
   * than a green row for a service whose autoscaler is blind.
   */
  @Test
  void gits_manifests_are_applied_at_start_up_and_the_overview_shows_what_the_real_controllers_made() {
    await("webapi and document-processor ready, their autoscalers' complaint shown").atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(console.getBean(OverviewService.class).current().services())
            .filteredOn(s -> List.of("webapi", "document-processor").contains(s.name())).hasSize(2)
            .allSatisfy(s -> {
              assertThat(s.versions()).allSatisfy(v -> assertThat(v.ready()).isEqualTo(v.desired()).isPositive());
              assertThat(s.health().status()).isEqualTo(HealthStatus.DEGRADED);
              assertThat(s.health().reason()).contains("cannot compute a scale", "metrics.k8s.io");
            }));

    await("the stores' claims bound by the real volume controller, their pods scheduled and ready")
        .atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(console.getBean(OverviewService.class)
            .current().services()).filteredOn(s -> List.of("postgresql", "redis").contains(s.name())).hasSize(2)
            .allSatisfy(s -> {
              assertThat(s.health().status()).as(s.name() + ": " + s.health().reason())
                  .isEqualTo(HealthStatus.HEALTHY);
              assertThat(s.parts()).extracting(p -> p.kind() + "/" + p.name()).containsExactly(
                  "StatefulSet/" + s.name(), "PersistentVolumeClaim/data-" + s.name() + "-0");
            }));

    KubernetesClient admin = cluster.admin();
    ReplicaSet replicaSet = admin.apps().replicaSets().inNamespace(NS).withLabel("app", "webapi").list().getItems()
        .getFirst();
    assertThat(replicaSet.getMetadata().getOwnerReferences()).extracting(r -> r.getKind() + "/" + r.getName())
        .containsExactly("Deployment/webapi-v1");
    List<Pod> pods = admin.pods().inNamespace(NS).withLabel("app", "webapi").list().getItems();
    assertThat(pods).isNotEmpty().allSatisfy(pod -> {
      assertThat(pod.getSpec().getNodeName()).startsWith("kwok-node-");
      assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
    });
  }

  @Test
  void a_scale_through_the_api_is_committed_as_the_operator_and_the_real_autoscaler_follows_it() throws Exception {
    HttpResponse<String> response = api("POST", "/api/v1/services/document-processor/versions/v1/scale",
        "{\"replicas\": 4, \"reason\": \"real cluster\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = json.readTree(response.body());
    assertThat(result.path("state").asString()).isEqualTo("APPLIED");
    assertThat(GitCli.run(cluster.gitRemote(), "log", "-1", "--format=%an|%H"))
        .isEqualTo("Otto Operator|" + result.path("commit").asString());
    assertThat(cluster.admin().autoscaling().v2().horizontalPodAutoscalers().inNamespace(NS)
        .withName("document-processor-v1").get().getSpec().getMinReplicas()).isEqualTo(4);
    // The real HPA controller, not Aviary, moves the Deployment to the new minimum; the ReplicaSet and kwok follow.
    await("four ready document-processor pods").atMost(Duration.ofSeconds(60)).until(() -> {
      Deployment d = cluster.admin().apps().deployments().inNamespace(NS).withName("document-processor-v1").get();
      return d.getStatus().getReadyReplicas() != null && d.getStatus().getReadyReplicas() == 4;
    });
  }

  @Test
  void the_console_leads_and_writes_through_the_leases_its_role_allows_in_its_own_namespace() {
    await("console-a holding the leader Lease").atMost(Duration.ofSeconds(30)).until(() -> {
      Lease lease = cluster.admin().leases().inNamespace("aviary").withName("aviary-leader").get();
      return lease != null && "console-a".equals(lease.getSpec().getHolderIdentity());
    });
    Lease writes = cluster.admin().leases().inNamespace("aviary").withName("aviary-writes").get();
    String applied = writes.getMetadata().getAnnotations().get("aviary.dev/applied-commit");
    assertThat(GitCli.run(cluster.gitRemote(), "rev-list", "main").lines())
        .as("start-up reconciliation and changes went through the write lock").contains(applied);
    assertThat(writes.getSpec().getHolderIdentity()).as("released after writing").isNull();
  }

  @Test
  void audit_entries_are_stored_as_objects_the_consoles_role_allows_and_read_back_by_the_console() throws Exception {
    assertThat(api("POST", "/api/v1/services/webapi/versions/v1/scale",
        "{\"replicas\": 3, \"reason\": \"real audit\"}").statusCode()).isEqualTo(200);

    await("the entry stored in aviary").atMost(Duration.ofSeconds(30)).until(() -> cluster.admin()
        .genericKubernetesResources("aviary.dev/v1alpha1", "AuditEntry").inNamespace("aviary").list().getItems()
        .stream().map(e -> (Map<?, ?>) e.getAdditionalProperties().get("spec"))
        .anyMatch(spec -> String.valueOf(spec.get("target")).contains("reason=real audit")
            && "console-a".equals(spec.get("console"))));
    await("the console reading it back").atMost(Duration.ofSeconds(30)).until(() -> console.getBean(AuditLog.class)
        .recent().stream().anyMatch(e -> e.target().contains("reason=real audit")));
  }

  @Test
  void the_consoles_service_account_cannot_write_outside_the_managed_namespace() {
    try (KubernetesClient asConsole = cluster.asConsole()) {
      assertThatThrownBy(() -> asConsole.configMaps().inNamespace("default").resource(new ConfigMapBuilder()
          .withNewMetadata().withName("not-aviarys").endMetadata().build()).create())
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      assertThatThrownBy(() -> asConsole.secrets().inNamespace(NS).list())
          .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }
  }

  @Test
  void an_edit_by_another_manager_shows_as_drift_and_sync_restores_gits_fields_but_leaves_its_own() throws Exception {
    String deployment = "webapi-v1";
    await("webapi-v1 applied").atMost(Duration.ofSeconds(30))
        .until(() -> cluster.admin().apps().deployments().inNamespace(NS).withName(deployment).get() != null);
    // Someone with kubectl: a hotfix image over Git's, and an annotation Git knows nothing of.
    GenericKubernetesResource edit = Serialization.unmarshal("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: webapi-v1
          namespace: document-processing
          annotations: {team.example.com/owner: search}
        spec:
          template:
            spec:
              containers:
                - name: platform-app
                  image: registry.example.com/webapi:hotfix
        """, GenericKubernetesResource.class);
    cluster.admin().resource(edit).fieldManager("kubectl").forceConflicts().serverSideApply();

    SyncService sync = console.getBean(SyncService.class);
    await("webapi out of sync").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      SyncStatus.Service webapi = sync.status().get().services().stream().filter(s -> s.name().equals("webapi"))
          .findFirst().orElseThrow();
      assertThat(webapi.drifts()).extracting(SyncStatus.ObjectDrift::describe).anyMatch(d -> d.contains("image"));
    });

    HttpResponse<String> synced = api("POST", "/api/v1/services/webapi/sync", "");
    assertThat(synced.statusCode()).as(synced.body()).isEqualTo(200);

    Deployment after = cluster.admin().apps().deployments().inNamespace(NS).withName(deployment).get();
    assertThat(after.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).doesNotContain("hotfix");
    assertThat(after.getMetadata().getAnnotations()).containsEntry("team.example.com/owner", "search");
    assertThat(after.getMetadata().getManagedFields()).extracting(ManagedFieldsEntry::getManager)
        .contains("aviary", "kubectl");
    await("webapi in sync again").atMost(Duration.ofSeconds(30)).until(() -> sync.status().get().services().stream()
        .filter(s -> s.name().equals("webapi")).allMatch(SyncStatus.Service::synced));
  }

  /** Someone commits a Release without an image or plan: the CRD's schema refuses it, and Sync says which fields. */
  @Test
  void a_manifest_the_crd_schema_refuses_is_reported_by_sync_with_the_api_servers_reasons(@TempDir Path clone)
      throws Exception {
    GitCli.run(clone, "clone", "-q", cluster.gitRemote().toString(), ".");
    Files.writeString(clone.resolve("base/webapi/release-broken.yaml"), """
        apiVersion: aviary.dev/v1alpha1
        kind: Release
        metadata:
          name: webapi-broken
          namespace: document-processing
          labels: {app: webapi}
        spec: {service: webapi, stableVersion: v1, canaryVersion: v2}
        """);
    Path kustomization = clone.resolve("base/webapi/kustomization.yaml");
    String listed = Files.readString(kustomization);
    Files.writeString(kustomization, listed + "  - release-broken.yaml\n");
    commitAndPush(clone, "add a Release by hand");
    try {
      HttpResponse<String> synced = api("POST", "/api/v1/services/webapi/sync", "");

      assertThat(synced.statusCode()).as(synced.body()).isEqualTo(422);
      JsonNode problem = json.readTree(synced.body());
      assertThat(problem.path("title").asString()).isEqualTo("The cluster refused Git's manifests");
      assertThat(problem.path("detail").asString()).contains("Release document-processing/webapi-broken",
          "spec.image: Required value", "spec.plan: Required value").doesNotContain("Failure executing");
    } finally {
      GitCli.run(clone, "rm", "-q", "base/webapi/release-broken.yaml");
      Files.writeString(kustomization, listed);
      commitAndPush(clone, "remove the Release added by hand");
    }
  }

  private static void commitAndPush(Path clone, String message) {
    GitCli.run(clone, "-c", "user.name=Someone", "-c", "user.email=someone@example.com", "add", "-A");
    GitCli.run(clone, "-c", "user.name=Someone", "-c", "user.email=someone@example.com", "commit", "-q", "-m",
        message);
    GitCli.run(clone, "push", "-q", "origin", "HEAD:main");
  }

  private static HttpResponse<String> api(String method, String path, String body) throws Exception {
    return cluster.api(console, method, path, body);
  }
}
