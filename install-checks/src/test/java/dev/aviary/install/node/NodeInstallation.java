package dev.aviary.install.node;

import com.marcnuri.helm.Helm;
import dev.aviary.install.Podman;
import dev.aviary.install.Repository;
import dev.aviary.install.images.Images;
import dev.aviary.platform.metrics.PrometheusServer;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import dev.aviary.testsupport.controlplane.ControlPlane;
import dev.aviary.testsupport.controlplane.RealNode;
import dev.aviary.testsupport.git.HttpGitServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Aviary installed with its Helm chart on a real node, as a team would install it: a control plane and a
 * {@link RealNode} with the images built from the Dockerfiles loaded into its containerd; the platform's manifests
 * in a Git repository served over smart HTTP; an OpenID provider (the sandbox's); a Prometheus that discovers the
 * cluster's pods; the Git and OIDC Secrets the chart names; then {@code helm install aviary charts/aviary}. Every
 * one of those listens on the machine's address, where both the tests and the node's pods reach it.
 */
final class NodeInstallation implements AutoCloseable {

  static final String NAMESPACE = "aviary";
  static final String PLATFORM = "document-processing";
  static final String RELEASE = "aviary";
  /** platform-app as released next: the same image under a new tag, and one failing a fifth of its requests. */
  static final String NEXT_TAG = "1.1.0";
  static final String FAULTY_TAG = "1.2.0-faulty";
  private static final String GIT_USER = "aviary";
  private static final String GIT_TOKEN = "node-test-token";

  private final Path directory;
  private final List<AutoCloseable> started = new ArrayList<>();
  private String host;
  private ControlPlane plane;
  private RealNode node;
  private KubernetesClient admin;
  private HttpGitServer git;
  private SandboxIdentityProvider provider;
  private PrometheusServer prometheus;

  private NodeInstallation(Path directory) {
    this.directory = directory;
  }

  /** Everything above, up to a finished {@code helm install}; the consoles may still be starting. */
  static NodeInstallation install(Path directory, Podman podman) throws Exception {
    NodeInstallation installation = new NodeInstallation(directory);
    try {
      installation.startCluster(podman);
      installation.startServices();
      installation.helmInstall();
      return installation;
    } catch (Exception | Error e) {
      installation.close();
      throw e;
    }
  }

  private void startCluster(Podman podman) throws IOException {
    host = RealNode.hostAddress();
    plane = started(ControlPlane.startForRealNode(directory.resolve("control-plane"), host));
    node = started(RealNode.join(plane, directory.resolve("node")));
    admin = started(client(plane.adminKubeconfig()));
    String console = Images.built(podman, Images.Shipped.CONSOLE);
    String platformApp = Images.built(podman, Images.Shipped.PLATFORM_APP);
    Path faulty = Files.createDirectories(directory.resolve("faulty-image"));
    Files.writeString(faulty.resolve("Containerfile"), "FROM " + platformApp + "\nENV FAULT_ERROR_RATE=0.2\n");
    podman.ok("build", "--quiet", "--format", "docker", "--tag", platformAppImage(FAULTY_TAG), faulty.toString());
    // At once: each is mostly a copy between two stores, bound by the disk and a core each.
    List.of(console, platformApp, platformAppImage(FAULTY_TAG)).parallelStream().forEach(node::load);
    node.tag(platformApp, platformAppImage(NEXT_TAG));
    try (InputStream crds = ControlPlane.class.getResourceAsStream("/real-cluster/platform-crds.yaml")) {
      for (HasMetadata crd : admin.load(crds).items()) {
        admin.resource(crd).serverSideApply();
      }
    }
  }

  private void startServices() throws Exception {
    git = started(new HttpGitServer(PlatformRepository.create(directory.resolve("git")), directory.resolve("git-http"),
        GIT_USER, GIT_TOKEN, host));
    provider = started(SandboxIdentityProvider.start(new SandboxIdentityProvider.Settings("aviary", "aviary"),
        new SandboxIdentityProvider.Listen(host, 0)));
    prometheus = started(PrometheusServer.startWithFileDiscovery(
        Files.createDirectories(directory.resolve("prometheus")), host));
    started(new PodTargets(admin, prometheus));
  }

  private void helmInstall() throws IOException {
    admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    secret("aviary-git", Map.of("username", GIT_USER, "token", GIT_TOKEN));
    secret("aviary-oidc", Map.of("issuer-uri", provider.issuer(), "client-id", provider.clientId(),
        "client-secret", provider.clientSecret()));
    Path values = Files.writeString(directory.resolve("values.yaml"), """
        image:
          pullPolicy: Never
        git:
          url: "%s"
          path: %s
        prometheus:
          url: "%s"
          preset: platform
        releases:
          steps: "50,100"
          stepDuration: 5s
          warmWindow: 2s
        resources:
          requests: {cpu: 100m, memory: 512Mi}
        ingress:
          enabled: false
        # The sandbox's provider speaks plain HTTP; on this machine's own address that is a trial on a private network.
        extraEnv:
          AVIARY_OIDC_ALLOW_PLAIN_HTTP: "true"
        """.formatted(git.url(), PlatformRepository.PATH, prometheus.url()));
    new Helm(Repository.root().resolve("charts/aviary")).install().withName(RELEASE).withNamespace(NAMESPACE)
        .withKubeConfig(plane.adminKubeconfig()).withValuesFile(values).call();
    // The platform's own Secret (manifests/secret-templates/platform-stores.yaml), in the namespace the chart made:
    // its pods read the passwords even with the stores cut out.
    secret(PLATFORM, "platform-stores", Map.of("postgresql-password", "unused", "redis-password", "unused"));
  }

  private void secret(String name, Map<String, String> data) {
    secret(NAMESPACE, name, data);
  }

  private void secret(String namespace, String name, Map<String, String> data) {
    admin.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
        .endMetadata().withStringData(data).build()).create();
  }

  static String platformAppImage(String tag) {
    String shipped = Images.Shipped.PLATFORM_APP.tag();
    return shipped.substring(0, shipped.lastIndexOf(':') + 1) + tag;
  }

  KubernetesClient admin() {
    return admin;
  }

  SandboxIdentityProvider provider() {
    return provider;
  }

  private <T extends AutoCloseable> T started(T part) {
    started.add(part);
    return part;
  }

  private static KubernetesClient client(Path kubeconfig) {
    try {
      return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
          kubeconfig.toString())).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything started, the last first: the node drains its pods before the control plane goes. */
  @Override
  public void close() throws Exception {
    Exception first = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
