package dev.aviary.testsupport.controlplane;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlPlaneTest {

  private static ControlPlane plane;
  private static ApiServerClient admin;

  @BeforeAll
  static void start() throws IOException {
    Files.createDirectories(Path.of("target"));
    plane = ControlPlane.start(Files.createTempDirectory(Path.of("target").toAbsolutePath(), "control-plane-"));
    admin = new ApiServerClient(plane.server(), plane.caCertificate(), plane.adminToken());
  }

  @AfterAll
  static void stop() {
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void a_deployment_gets_ready_pods_from_the_real_controllers_and_kwok() throws IOException {
    created(admin.post("/apis/apps/v1/namespaces/default/deployments", """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},
          "template":{"metadata":{"labels":{"app":"web"}},
           "spec":{"containers":[{"name":"web","image":"nginx:1.27"}]}}}}"""));

    Awaitility.await("two ready replicas of web").atMost(Duration.ofSeconds(30))
        .until(() -> readyReplicas(admin.get("/apis/apps/v1/namespaces/default/deployments/web").body()) == 2);
    String pods = admin.get("/api/v1/namespaces/default/pods?labelSelector=app%3Dweb").body();
    assertTrue(pods.contains("\"nodeName\":\"kwok-node-0\""), "pods are scheduled on the kwok node: " + pods);
  }

  @Test
  void a_service_account_has_no_rights_rbac_does_not_grant() throws IOException {
    created(admin.post("/api/v1/namespaces/default/serviceaccounts",
        "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"nobody\"}}"));
    ApiServerClient nobody = new ApiServerClient(plane.server(), plane.caCertificate(),
        plane.serviceAccountToken("default", "nobody"));

    assertEquals(403, nobody.get("/api/v1/namespaces/default/pods").status());
    assertEquals(200, nobody.get("/version").status());
  }

  @Test
  void etcd_compacts_up_to_its_current_revision() throws IOException {
    long first = plane.compactEtcd();
    created(admin.post("/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"later\"}}"));

    assertTrue(plane.compactEtcd() > first);
  }

  @Test
  void the_api_server_comes_back_after_a_restart_with_what_it_stored() throws IOException {
    created(admin.post("/api/v1/namespaces/default/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"kept\"}}"));

    plane.stopApiServer();
    plane.startApiServer();

    assertEquals(200, admin.get("/api/v1/namespaces/default/configmaps/kept").status());
  }

  private static void created(ApiServerClient.Answer answer) {
    assertEquals(201, answer.status(), answer.body());
  }

  private static int readyReplicas(String deployment) {
    Matcher ready = Pattern.compile("\"readyReplicas\"\\s*:\\s*(\\d+)").matcher(deployment);
    return ready.find() ? Integer.parseInt(ready.group(1)) : 0;
  }
}
