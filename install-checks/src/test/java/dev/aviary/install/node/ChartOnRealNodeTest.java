package dev.aviary.install.node;

import dev.aviary.install.Podman;
import dev.aviary.install.images.Images;
import dev.aviary.sandbox.signin.DemoUser;
import dev.aviary.testsupport.oidc.ClientCredentials;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Aviary's chart installed on a real node ({@link NodeInstallation}): the console pods run the console image, take
 * their in-cluster configuration and service-account token, pass their probes, one leads through the Lease, and it
 * clones the Git remote and applies the platform, whose pods run the platform-app image and pass theirs; a page is
 * served through a console pod's port and through its Service; a release of a new platform-app tag runs on real pods
 * to the end, and a faulty one is rolled back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChartOnRealNodeTest {

  static final Duration STARTING = Duration.ofMinutes(4);
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  static final ObjectMapper JSON = new ObjectMapper();
  /** Enough that the canary's half shows a healthy error ratio within a step or two (about a thousand requests). */
  static final int USERS_PER_SECOND = 200;

  NodeInstallation installation;

  @BeforeAll
  void install(@TempDir Path directory) throws Exception {
    installation = NodeInstallation.install(directory, Podman.installed());
  }

  @AfterAll
  void uninstall() throws Exception {
    if (installation != null) {
      installation.close();
    }
  }

  @Test
  @Order(1)
  void the_console_pods_run_the_image_pass_their_probes_and_one_leads_through_the_lease() {
    await("both console pods ready").atMost(STARTING).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(consolePods()).hasSize(2).allSatisfy(pod -> assertThat(ready(pod)).as(describe(pod)).isTrue()));
    assertThat(consolePods()).allSatisfy(pod -> {
      ContainerStatus console = pod.getStatus().getContainerStatuses().getFirst();
      assertThat(console.getImage()).isEqualTo(Images.Shipped.CONSOLE.tag());
      assertThat(console.getContainerID()).as("a container containerd runs").startsWith("containerd://");
      assertThat(console.getRestartCount()).isZero();
      assertThat(pod.getStatus().getPodIP()).startsWith("10.244.0.");
    });
    await("a console holding the Lease").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      List<Lease> leases = installation.admin().leases().inNamespace(NodeInstallation.NAMESPACE).list().getItems();
      // A console's identity is its host name (the pod's) and a random suffix.
      assertThat(leases).anySatisfy(lease -> assertThat(consolePods()).anySatisfy(pod -> assertThat(
          lease.getSpec().getHolderIdentity()).startsWith(pod.getMetadata().getName())));
    });
  }

  @Test
  @Order(2)
  void the_console_applies_the_platform_from_git_and_its_pods_run_the_platform_app_image() {
    await("webapi's pods ready").atMost(STARTING).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(pods(NodeInstallation.PLATFORM, "app=webapi")).isNotEmpty()
            .allSatisfy(pod -> assertThat(ready(pod)).as(describe(pod)).isTrue()));
    Pod webapi = pods(NodeInstallation.PLATFORM, "app=webapi").getFirst();
    ContainerStatus platformApp = webapi.getStatus().getContainerStatuses().getFirst();
    assertThat(platformApp.getImage()).isEqualTo(Images.Shipped.PLATFORM_APP.tag());
    assertThat(platformApp.getContainerID()).startsWith("containerd://");
    assertThat(installation.admin().apps().deployments().inNamespace(NodeInstallation.PLATFORM).withName("webapi-v1")
        .get().getMetadata().getManagedFields()).as("applied by the console, from Git")
        .anySatisfy(field -> assertThat(field.getManager()).isEqualTo("aviary"));
  }

  @Test
  @Order(3)
  void a_page_is_served_through_a_console_pods_port_and_through_its_service() throws Exception {
    Pod console = consolePods().getFirst();
    HttpResponse<String> direct = get("http://" + console.getStatus().getPodIP() + ":8080/");
    assertThat(direct.statusCode()).as(direct.body()).isIn(200, 302);
    String clusterIp = installation.admin().services().inNamespace(NodeInstallation.NAMESPACE)
        .withName(NodeInstallation.RELEASE).get().getSpec().getClusterIP();
    HttpResponse<String> throughService = get("http://" + clusterIp + "/");
    assertThat(throughService.statusCode()).as(throughService.body()).isEqualTo(direct.statusCode());
  }

  @Test
  @Order(4)
  void a_release_of_a_new_platform_app_tag_runs_on_real_pods_to_the_end() throws Exception {
    try (ServiceTraffic users = new ServiceTraffic(webapiUrl(), USERS_PER_SECOND)) {
      JsonNode done = releaseToTheEnd(NodeInstallation.NEXT_TAG);

      assertThat(done.path("phase").asString()).as(done.path("message").asString()).isEqualTo("PROMOTED");
      assertThat(done.path("analyses").valueStream().map(a -> a.path("outcome").asString()).toList())
          .as("judged on Prometheus's counts of the canary pod's requests").containsOnly("SUCCESSFUL").isNotEmpty();
      assertThat(users.answered()).isPositive();
    }
    String promoted = NodeInstallation.platformAppImage(NodeInstallation.NEXT_TAG);
    await("webapi running " + promoted + " alone").atMost(STARTING).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(pods(NodeInstallation.PLATFORM, "app=webapi")).isNotEmpty().allSatisfy(pod -> {
          // The pod's spec: the node reports one tag of an image for all of them, and 1.1.0 is 1.0.0 retagged.
          assertThat(pod.getSpec().getContainers().getFirst().getImage()).isEqualTo(promoted);
          assertThat(ready(pod)).as(describe(pod)).isTrue();
        }));
  }

  @Test
  @Order(5)
  void a_faulty_release_is_rolled_back_on_real_pods() throws Exception {
    try (ServiceTraffic users = new ServiceTraffic(webapiUrl(), USERS_PER_SECOND)) {
      JsonNode done = releaseToTheEnd(NodeInstallation.FAULTY_TAG);

      assertThat(done.path("phase").asString()).as(done.path("message").asString()).isEqualTo("ROLLED_BACK");
      assertThat(done.path("message").asString()).contains("failed analysis at 50%: error ratio");
      assertThat(users.failed()).as("the canary's 5xx answers, before the rollback").isPositive();
    }
    String stable = NodeInstallation.platformAppImage(NodeInstallation.NEXT_TAG);
    await("the faulty canary's pods gone").atMost(STARTING).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(pods(NodeInstallation.PLATFORM, "app=webapi")).isNotEmpty()
            .allSatisfy(pod -> assertThat(pod.getSpec().getContainers().getFirst().getImage()).isEqualTo(stable)));
  }

  /** Starts a release of webapi through the console's API (as an admin's script) and waits until it finished. */
  JsonNode releaseToTheEnd(String tag) throws Exception {
    String token = ClientCredentials.token(installation.provider().issuer(), "admin-script", DemoUser.ALL.stream()
        .filter(u -> u.username().equals("admin")).findFirst().orElseThrow().password());
    HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(consoleUrl() + "/api/v1/releases"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"service\": \"webapi\", \"tag\": \"" + tag + "\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(started.statusCode()).as(started.body()).isIn(201, 202);
    String name = JSON.readTree(started.body()).path("release").asString();
    return await("release " + name + " of " + tag + " finished").atMost(STARTING).pollInterval(Duration.ofSeconds(1))
        .until(() -> JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(consoleUrl() + "/api/v1/releases/"
            + name)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body()),
            release -> release.path("finished").asBoolean());
  }

  String consoleUrl() {
    return "http://" + installation.admin().services().inNamespace(NodeInstallation.NAMESPACE)
        .withName(NodeInstallation.RELEASE).get().getSpec().getClusterIP();
  }

  String webapiUrl() {
    return "http://" + installation.admin().services().inNamespace(NodeInstallation.PLATFORM).withName("webapi").get()
        .getSpec().getClusterIP() + "/api/v1/documents?size=5";
  }

  static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  List<Pod> consolePods() {
    return pods(NodeInstallation.NAMESPACE, "app.kubernetes.io/name=aviary");
  }

  List<Pod> pods(String namespace, String selector) {
    String[] label = selector.split("=");
    return installation.admin().pods().inNamespace(namespace).withLabel(label[0], label[1]).list().getItems();
  }

  static boolean ready(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static String describe(Pod pod) {
    return pod.getMetadata().getName() + " " + pod.getStatus().getPhase() + " " + pod.getStatus().getConditions()
        + " " + pod.getStatus().getContainerStatuses();
  }
}
