package dev.aviary.console;

import dev.aviary.console.gitops.RepositoryFiles;
import dev.aviary.sandbox.git.SandboxGitRemote;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import dev.aviary.testsupport.controlplane.ControlPlane;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aviary installed on a real Kubernetes control plane ({@link ControlPlane}): the namespaces, Release CRD, service
 * account and RBAC exactly as {@code k8s/} has them, the CRDs the platform's manifests use (Istio, ServiceMonitor),
 * the volumes its StatefulSets claim, and consoles that authenticate with the {@code aviary} service account's token,
 * as the installed pod does. Git is a bare repository holding the repository's {@code manifests/}; sign-in is the
 * sandbox's OIDC provider.
 */
public final class RealCluster implements AutoCloseable {

  public static final String NAMESPACE = "document-processing";
  /** What {@code k8s/} installs before the console's own Deployment: everything its rights come from. */
  private static final List<String> INSTALLATION = List.of("namespace.yaml", "release-crd.yaml", "audit-crd.yaml",
      "service-account.yaml", "cluster-role.yaml", "manager-role.yaml", "console-role.yaml");
  private static final Path K8S = Path.of(System.getProperty("user.dir")).resolve("../k8s").normalize();

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path directory;
  private final List<ConfigurableApplicationContext> consoles = new ArrayList<>();
  // Not final: started one after the other, and whatever started is stopped again if a later part fails to start.
  private ControlPlane plane;
  private KubernetesClient admin;
  private SandboxIdentityProvider provider;
  private SandboxGitRemote git;
  private Path consoleKubeconfig;

  private RealCluster(Path directory) {
    this.directory = directory;
  }

  /** A control plane with Aviary's installation applied, in a new directory under {@code target/}. */
  public static RealCluster start(String name) throws IOException {
    Files.createDirectories(Path.of("target"));
    RealCluster cluster = new RealCluster(Files.createTempDirectory(Path.of("target").toAbsolutePath(), name + "-"));
    try {
      cluster.install();
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void install() throws IOException {
    plane = ControlPlane.start(directory.resolve("control-plane"));
    admin = client(plane.adminKubeconfig());
    for (String file : INSTALLATION) {
      apply(Files.newInputStream(K8S.resolve(file)));
    }
    apply(RealCluster.class.getResourceAsStream("/real-cluster/platform-crds.yaml"));
    apply(RealCluster.class.getResourceAsStream("/real-cluster/volumes.yaml"));
    Awaitility.await("the custom resource definitions established").atMost(Duration.ofSeconds(30))
        .until(() -> admin.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
            .allMatch(crd -> crd.getStatus() != null && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()))));
    consoleKubeconfig = plane.kubeconfig("aviary", plane.serviceAccountToken("aviary", "aviary"));
    git = SandboxGitRemote.initialize(directory.resolve("git/manifests.git"),
        RepositoryFiles.platformManifests().bytes(), Clock.systemUTC());
    provider = SandboxIdentityProvider.start(new SandboxIdentityProvider.Settings("aviary", "aviary"));
  }

  private void apply(InputStream yaml) throws IOException {
    try (yaml) {
      for (HasMetadata object : admin.load(yaml).items()) {
        admin.resource(object).fieldManager("installer").forceConflicts().serverSideApply();
      }
    }
  }

  /**
   * Starts a console as the installed pod runs: the environment {@code k8s/config-map.yaml} gives it, with only what
   * differs outside a pod put over it (the service account's token in a kubeconfig instead of a mounted one, this
   * test's Git remote, OIDC provider, ports and data directory, no Prometheus); waits until it is up.
   * {@code settings} ({@code name=value}) go over everything.
   */
  public ConfigurableApplicationContext console(String identity, String... settings) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("management.server.port", "0");
    properties.put("aviary.data-dir", directory.resolve("console-" + identity).toString());
    properties.put("aviary.cluster.in-cluster", "false");
    properties.put("aviary.cluster.kubeconfig", consoleKubeconfig.toString());
    properties.put("aviary.git.url", git.url());
    properties.put("aviary.git.path", "");
    properties.put("aviary.oidc.issuer-uri", provider.issuer());
    properties.put("aviary.oidc.client-id", provider.clientId());
    properties.put("aviary.oidc.client-secret", provider.clientSecret());
    properties.put("aviary.prometheus.url", "");
    properties.put("server.forward-headers-strategy", "none");
    properties.put("aviary.coordination.identity", identity);
    properties.put("aviary.health.sync-check", "2s");
    properties.put("logging.level.root", "WARN");
    properties.put("logging.level.dev.aviary", "INFO");
    for (String setting : settings) {
      int equals = setting.indexOf('=');
      // Replaced, not repeated: Spring joins a repeated command-line option's values with commas.
      properties.put(setting.substring(0, equals), setting.substring(equals + 1));
    }
    String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
        .toArray(String[]::new);
    ConfigurableApplicationContext console = new SpringApplicationBuilder(AviaryApplication.class)
        .initializers(context -> context.getEnvironment().getPropertySources().addAfter(
            CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME, installedEnvironment()))
        .run(args);
    consoles.add(console);
    return console;
  }

  /** The ConfigMap's entries as the pod's environment variables, bound by Spring's relaxed rules as in the pod. */
  private static SystemEnvironmentPropertySource installedEnvironment() {
    try {
      ConfigMap configMap = Serialization.unmarshal(Files.readString(K8S.resolve("config-map.yaml")), ConfigMap.class);
      Map<String, Object> environment = new LinkedHashMap<>(configMap.getData());
      environment.remove("JAVA_TOOL_OPTIONS");
      return new SystemEnvironmentPropertySource("k8s/config-map.yaml", environment);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void stopConsole(ConfigurableApplicationContext console) {
    consoles.remove(console);
    console.close();
  }

  /** A call on {@code console}'s JSON API as the sandbox provider's operator, with a bearer token as a script has. */
  public HttpResponse<String> api(ConfigurableApplicationContext console, String method, String path, String body)
      throws IOException, InterruptedException {
    String port = console.getEnvironment().getProperty("local.server.port");
    String token = SandboxTokens.of(provider, "operator");
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A cluster administrator, standing for the person who installed Aviary or someone using kubectl. */
  public KubernetesClient admin() {
    return admin;
  }

  /** A client with exactly the console's rights: the {@code aviary} service account's token. */
  public KubernetesClient asConsole() {
    return client(consoleKubeconfig);
  }

  public ControlPlane plane() {
    return plane;
  }

  public SandboxIdentityProvider provider() {
    return provider;
  }

  /** The Git remote's bare repository, for reading what a console committed with the {@code git} CLI. */
  public Path gitRemote() {
    return git.directory();
  }

  public static KubernetesClient client(Path kubeconfig) {
    try {
      Config config = Config.fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString());
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    new ArrayList<>(consoles).forEach(this::stopConsole);
    for (AutoCloseable part : new AutoCloseable[] {admin, provider, plane}) {
      if (part != null) {
        try {
          part.close();
        } catch (Exception e) {
          throw new IllegalStateException("could not stop " + part, e);
        }
      }
    }
  }
}
