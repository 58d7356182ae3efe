package dev.aviary.sandbox.api;

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
