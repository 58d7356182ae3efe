package dev.aviary.sandbox.api;

import dev.aviary.testsupport.RequiresCommand;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static dev.aviary.sandbox.api.SandboxApiServerTest.NS;
import static dev.aviary.sandbox.api.SandboxApiServerTest.deployment;
import static org.assertj.core.api.Assertions.assertThat;

/** The machine's real kubectl against the sandbox: discovery, server-side printing, scale and server-side apply. */
@RequiresCommand(value = "kubectl", remedy = ".ci/run installs Debian's kubernetes-client")
class KubectlAgainstSandboxTest {

  @TempDir
  Path dir;
  SandboxApiServer server;
  KubernetesClient client;
  Kubectl kubectl;

  @BeforeEach
  void start() {
    server = SandboxApiServer.start(0, Clock.systemUTC());
    client = server.newClient(NS);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    kubectl = new Kubectl(server.writeKubeconfig(dir.resolve("kubeconfig"), NS));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      client.close();
      server.close();
    }
  }

  @Test
  void kubectl_lists_and_scales_a_deployment() {
    client.apps().deployments().resource(deployment("webapi-v1", 3, "webapi:1.0.0")).create();

    Kubectl.Result list = kubectl.run("-n", NS, "get", "deployments");
    assertThat(list.exitCode()).as(list.output()).isZero();
    assertThat(list.output()).contains("NAME", "READY", "webapi-v1", "0/3");

    Kubectl.Result scale = kubectl.run("-n", NS, "scale", "deployment/webapi-v1", "--replicas=5");
    assertThat(scale.exitCode()).as(scale.output()).isZero();
    assertThat(client.apps().deployments().withName("webapi-v1").get().getSpec().getReplicas()).isEqualTo(5);
  }

  @Test
  void kubectl_lists_stateful_sets_claims_daemon_sets_and_jobs_with_the_real_columns() {
    client.apps().statefulSets().resource(new StatefulSetBuilder().withNewMetadata().withName("postgresql")
        .endMetadata().withNewSpec().withReplicas(1).withServiceName("postgresql").withNewSelector()
        .addToMatchLabels("app", "postgresql").endSelector().withNewTemplate().withNewMetadata()
        .addToLabels("app", "postgresql").endMetadata().withNewSpec().addNewContainer().withName("postgres")
        .withImage("postgres:17.6").endContainer().endSpec().endTemplate().endSpec().build()).create();
    client.apps().statefulSets().withName("postgresql").editStatus(s -> new StatefulSetBuilder(s).withNewStatus()
        .withReplicas(1).withReadyReplicas(1).endStatus().build());
    client.persistentVolumeClaims().resource(new PersistentVolumeClaimBuilder().withNewMetadata()
        .withName("data-postgresql-0").endMetadata().withNewSpec().withStorageClassName("standard")
        .withVolumeName("pvc-1").endSpec().build()).create();
    client.persistentVolumeClaims().withName("data-postgresql-0").editStatus(c -> new PersistentVolumeClaimBuilder(c)
        .withNewStatus().withPhase("Bound").addToAccessModes("ReadWriteOnce")
        .addToCapacity("storage", new Quantity("10Gi")).endStatus().build());
    client.apps().daemonSets().resource(new DaemonSetBuilder().withNewMetadata().withName("node-agent")
        .endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "node-agent").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "node-agent").endMetadata().withNewSpec()
        .addNewContainer().withName("agent").withImage("agent:1").endContainer().endSpec().endTemplate().endSpec()
        .build()).create();
    client.apps().daemonSets().withName("node-agent").editStatus(d -> new DaemonSetBuilder(d).withNewStatus()
        .withDesiredNumberScheduled(3).withCurrentNumberScheduled(3).withNumberReady(2)
        .withUpdatedNumberScheduled(3).withNumberAvailable(2).withNumberMisscheduled(0).endStatus().build());
    client.batch().v1().jobs().resource(new JobBuilder().withNewMetadata().withName("migrate").endMetadata()
        .withNewSpec().withCompletions(1).withNewTemplate().withNewSpec().addNewContainer().withName("migrate")
        .withImage("platform-app:1.0.0").endContainer().withRestartPolicy("Never").endSpec().endTemplate().endSpec()
        .build()).create();
    client.batch().v1().jobs().withName("migrate").editStatus(j -> new JobBuilder(j).withNewStatus().withSucceeded(1)
        .withStartTime("2026-12-01T10:00:00Z").withCompletionTime("2026-12-01T10:00:42Z").addNewCondition()
        .withType("Complete").withStatus("True").endCondition().endStatus().build());

    Kubectl.Result list = kubectl.run("-n", NS, "get", "sts,pvc,ds,jobs");

    assertThat(list.exitCode()).as(list.output()).isZero();
    assertThat(list.output()).containsPattern("NAME\\s+READY\\s+AGE")
        .containsPattern("statefulset.apps/postgresql\\s+1/1")
        .containsPattern("NAME\\s+STATUS\\s+VOLUME\\s+CAPACITY\\s+ACCESS MODES\\s+STORAGECLASS")
        .containsPattern("persistentvolumeclaim/data-postgresql-0\\s+Bound\\s+pvc-1\\s+10Gi\\s+RWO\\s+standard")
        .containsPattern("NAME\\s+DESIRED\\s+CURRENT\\s+READY\\s+UP-TO-DATE\\s+AVAILABLE\\s+NODE SELECTOR")
        .containsPattern("daemonset.apps/node-agent\\s+3\\s+3\\s+2\\s+3\\s+2\\s+<none>")
        .containsPattern("NAME\\s+STATUS\\s+COMPLETIONS\\s+DURATION")
        .containsPattern("job.batch/migrate\\s+Complete\\s+1/1\\s+42s");
  }

  @Test
  void kubectl_applies_server_side_and_reapplies_a_change() throws Exception {
    Path manifest = dir.resolve("deployment.yaml");
    Files.writeString(manifest, """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: document-processor-v1
          labels: {app: document-processor, version: v1}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: document-processor, version: v1}
          template:
            metadata:
              labels: {app: document-processor, version: v1}
            spec:
              containers:
              - name: app
                image: platform-app:1.0.0
        """);
    Kubectl.Result created = kubectl.run("-n", NS, "apply", "--server-side", "--field-manager=operator", "-f",
        manifest.toString());
    assertThat(created.exitCode()).as(created.output()).isZero();
    assertThat(created.output()).contains("serverside-applied");

    Files.writeString(manifest, Files.readString(manifest).replace("replicas: 2", "replicas: 4"));
    Kubectl.Result updated = kubectl.run("-n", NS, "apply", "--server-side", "--field-manager=operator", "-f",
        manifest.toString());
    assertThat(updated.exitCode()).as(updated.output()).isZero();
    assertThat(client.apps().deployments().withName("document-processor-v1").get().getSpec().getReplicas())
        .isEqualTo(4);
  }
}
