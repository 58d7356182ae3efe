package dev.aviary.sandbox.api;

import dev.aviary.sandbox.simulator.SimulatorSettings;
import dev.aviary.sandbox.simulator.WorkloadSimulator;
import dev.aviary.testsupport.RequiresCommand;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real kubectl against the sandbox with its simulator, as an operator uses it while a change rolls out: watches
 * over plain HTTP ({@code get -w}, {@code rollout status}), the columns a real server prints, and the defaulting
 * and validation tools rely on.
 */
@RequiresCommand(value = "kubectl", remedy = ".ci/run installs Debian's kubernetes-client")
class KubectlWatchesTest {

  static final String NS = "document-processing";
  static final Pattern ERROR_LINE = Pattern.compile("(?im)^(error|e\\d{4}|.*rejected our request|.*unable to decode)");

  @TempDir
  Path dir;
  SandboxApiServer server;
  KubernetesClient client;
  WorkloadSimulator simulator;
  Kubectl kubectl;

  @BeforeEach
  void start() throws Exception {
    server = SandboxApiServer.start(0, Clock.systemUTC());
    client = server.newClient(NS);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
    simulator = new WorkloadSimulator(server.newClient(NS), new SimulatorSettings(Duration.ofMillis(100),
        Duration.ofMillis(300), Duration.ofMillis(50), 3), Clock.systemUTC()).start();
    kubectl = new Kubectl(server.writeKubeconfig(dir.resolve("kubeconfig"), NS));
    Path manifest = dir.resolve("webapi.yaml");
    Files.writeString(manifest, """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: webapi-v1
          labels: {app: webapi, version: v1}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: webapi, version: v1}
          template:
            metadata:
              labels: {app: webapi, version: v1}
            spec:
              containers:
              - name: platform-app
                image: platform-app:1.0.0
                ports:
                - {name: http, containerPort: 8080}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: webapi
        spec:
          selector: {app: webapi}
          ports:
          - {name: http, port: 80, targetPort: http}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: webapi-v1
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: webapi-v1}
          minReplicas: 2
          maxReplicas: 6
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}
        """);
    Kubectl.Result applied = kubectl.run("apply", "--server-side", "-f", manifest.toString());
    assertThat(applied.exitCode()).as(applied.output()).isZero();
    await().atMost(Duration.ofSeconds(15)).until(() -> client.apps().deployments().withName("webapi-v1").get()
        .getStatus() != null && Integer.valueOf(2).equals(client.apps().deployments().withName("webapi-v1").get()
        .getStatus().getReadyReplicas()));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      simulator.close();
      client.close();
      server.close();
    }
  }

  @Test
  void get_pods_watch_prints_the_listed_pods_once_then_each_change_without_an_error_line() throws Exception {
    String existing = client.pods().list().getItems().getFirst().getMetadata().getName();
    try (Kubectl.Running watch = kubectl.start("get", "pods", "-w")) {
      await().atMost(Duration.ofSeconds(10)).until(() -> watch.output().contains(existing));
      Kubectl.Result scaled = kubectl.run("scale", "deployment/webapi-v1", "--replicas=4");
      assertThat(scaled.exitCode()).as(scaled.output()).isZero();
      await().atMost(Duration.ofSeconds(15)).until(() -> watch.output().lines()
          .filter(l -> l.contains("1/1") && l.contains("Running")).count() >= 4);
      String output = watch.stop();

      assertThat(output).startsWith("NAME").doesNotContainPattern(ERROR_LINE);
      assertThat(output.lines().filter(l -> l.startsWith(existing + " "))).as(output).hasSize(1);
      assertThat(output).contains("Pending");
    }
  }

  @Test
  void rollout_status_follows_a_new_template_until_it_has_rolled_out() {
    Kubectl.Result changed = kubectl.run("set", "image", "deployment/webapi-v1", "platform-app=platform-app:1.1.0");
    assertThat(changed.exitCode()).as(changed.output()).isZero();

    Kubectl.Result status = kubectl.run("rollout", "status", "deployment/webapi-v1", "--timeout=30s");

    assertThat(status.exitCode()).as(status.output()).isZero();
    assertThat(status.output()).contains("deployment \"webapi-v1\" successfully rolled out")
        .doesNotContainPattern(ERROR_LINE);
  }

  @Test
  void autoscalers_services_and_events_print_the_columns_a_real_server_gives() {
    Kubectl.Result hpa = kubectl.run("get", "hpa");
    assertThat(hpa.output()).as(hpa.output()).containsPattern(
        "NAME\\s+REFERENCE\\s+TARGETS\\s+MINPODS\\s+MAXPODS\\s+REPLICAS\\s+AGE")
        .containsPattern("webapi-v1\\s+Deployment/webapi-v1\\s+cpu: <unknown>/70%\\s+2\\s+6\\s+2\\s");
    Kubectl.Result svc = kubectl.run("get", "svc");
    assertThat(svc.output()).containsPattern("NAME\\s+TYPE\\s+CLUSTER-IP\\s+EXTERNAL-IP\\s+PORT\\(S\\)\\s+AGE")
        .containsPattern("webapi\\s+ClusterIP\\s+10\\.96\\.\\d+\\.\\d+\\s+<none>\\s+80/TCP\\s");
    Kubectl.Result events = kubectl.run("get", "events");
    assertThat(events.output()).containsPattern("LAST SEEN\\s+TYPE\\s+REASON\\s+OBJECT\\s+MESSAGE")
        .containsPattern("Normal\\s+ScalingReplicaSet\\s+deployment/webapi-v1\\s+Scaled up replica set");
  }

  @Test
  void ports_get_their_protocol_and_a_service_its_type_and_cluster_ip_which_a_reapply_keeps() {
    assertThat(client.apps().deployments().withName("webapi-v1").get().getSpec().getTemplate().getSpec()
        .getContainers().getFirst().getPorts().getFirst().getProtocol()).isEqualTo("TCP");
    var service = client.services().withName("webapi").get().getSpec();
    assertThat(service.getType()).isEqualTo("ClusterIP");
    assertThat(service.getClusterIP()).startsWith("10.96.");
    assertThat(service.getPorts().getFirst().getProtocol()).isEqualTo("TCP");

    Kubectl.Result reapplied = kubectl.run("apply", "--server-side", "-f", dir.resolve("webapi.yaml").toString());
    assertThat(reapplied.exitCode()).as(reapplied.output()).isZero();
    assertThat(client.services().withName("webapi").get().getSpec().getClusterIP()).isEqualTo(service.getClusterIP());
  }

  @Test
  void a_label_a_real_server_refuses_is_refused_with_the_field_and_the_rule() {
    Kubectl.Result value = kubectl.run("patch", "deployment", "webapi-v1", "--type=merge", "-p",
        "{\"metadata\":{\"labels\":{\"team\":\"<script>\"}}}");
    assertThat(value.exitCode()).isNotZero();
    assertThat(value.output()).contains("Deployment \"webapi-v1\" is invalid: metadata.labels: Invalid value: "
        + "\"<script>\": a valid label must be an empty string");
    Kubectl.Result jsonPatch = kubectl.run("patch", "deployment", "webapi-v1", "--type=json", "-p",
        "[{\"op\":\"add\",\"path\":\"/metadata/labels/team\",\"value\":\"<script>\"}]");
    assertThat(jsonPatch.exitCode()).isNotZero();
    assertThat(jsonPatch.output()).contains("Invalid value: \"<script>\"");
    Kubectl.Result key = kubectl.run("label", "deployment", "webapi-v1", "bad key=x");
    assertThat(key.exitCode()).isNotZero();
    assertThat(key.output()).contains("Invalid value: \"bad key\": name part must consist of");
    assertThat(client.apps().deployments().withName("webapi-v1").get().getMetadata().getLabels())
        .doesNotContainKeys("team", "bad key");
  }
}
