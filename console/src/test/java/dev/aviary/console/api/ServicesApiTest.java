package dev.aviary.console.api;

import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.SandboxApiTest;
import dev.aviary.console.SandboxTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static dev.aviary.console.ConsoleApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The JSON API over HTTP, against the console on its sandbox: same pipeline, same validation as the views. */
class ServicesApiTest extends SandboxApiTest {


  @Test
  void lists_services_with_versions_autoscalers_and_live_weights() throws Exception {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode services = json.readTree(get("/api/v1/services").body());
      JsonNode webapi = find(services, "webapi");
      assertThat(webapi).isNotNull();
      // At least the seeded 3: other tests here move the autoscaler's minimum, and an HPA never scales down to it.
      assertThat(webapi.path("versions").get(0).path("ready").asInt()).isGreaterThanOrEqualTo(3);
      assertThat(webapi.path("versions").get(0).path("autoscaler").asString())
          .startsWith("HorizontalPodAutoscaler webapi-v1 (min ");
      assertThat(webapi.path("liveWeights").path("v1").asInt()).isEqualTo(100);
    });
    assertThat(json.readTree(get("/api/v1/services/webapi/weights").body()).toString())
        .isEqualTo("{\"desired\":{\"v1\":100},\"live\":{\"v1\":100}}");
  }

  @Test
  void scaling_through_the_api_commits_as_the_operator_and_answers_with_the_commit() throws Exception {
    HttpResponse<String> response = send("POST", "/api/v1/services/document-processor/versions/v1/scale",
        "{\"replicas\": 3, \"reason\": \"from ChatOps\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = json.readTree(response.body());
    assertThat(result.path("state").asString()).isEqualTo("APPLIED");
    Path remote = Path.of(URI.create(sandbox.gitUrl()));
    assertThat(GitCli.run(remote, "rev-parse", "main")).isEqualTo(result.path("commit").asString());
    assertThat(GitCli.run(remote, "log", "-1", "--format=%an|%s|%b")).startsWith("Otto Operator|document-processor: "
        + "scale document-processor-v1 to at least 3 replicas (autoscaler document-processor-v1: min 3, max 8)|from ChatOps");
  }

  @Test
  void invalid_changes_get_problem_json_naming_the_problem_and_change_nothing() throws Exception {
    Path remote = Path.of(URI.create(sandbox.gitUrl()));
    String head = GitCli.run(remote, "rev-parse", "main");

    assertProblem(send("PUT", "/api/v1/services/webapi/weights", "{\"weights\": {\"v1\": 130}}"), 422,
        "weight for v1 must be between 0 and 100, got 130");
    assertProblem(send("PUT", "/api/v1/services/webapi/weights", "{\"weights\": {\"v1\": 60, \"v2\": 30}}"), 422,
        "weights must sum to 100, got 90");
    assertProblem(send("POST", "/api/v1/services/webapi/versions/v1/scale", "{\"replicas\": -1}"), 422,
        "replicas must be between 0 and 50, got -1");
    assertProblem(send("POST", "/api/v1/services/billing/versions/v1/scale", "{\"replicas\": 2}"), 422,
        "unknown service 'billing'");
    assertProblem(send("POST", "/api/v1/services/webapi/versions/v1/scale", "{\"replicas\": \"many\"}"), 400,
        "");
    assertProblem(send("POST", "/api/v1/services/webapi/versions/v1/scale", "{}"), 422, "the body needs \"replicas\"");
    assertThat(GitCli.run(remote, "rev-parse", "main")).isEqualTo(head);
  }

  @Test
  void git_and_cluster_agree_for_every_service_after_start_and_sync_reapplies_a_service() throws Exception {
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode status = json.readTree(get("/api/v1/services/sync").body());
      assertThat(status.path("services")).isNotEmpty();
      for (JsonNode service : status.path("services")) {
        assertThat(service.path("drifts")).as(service.toString()).isEmpty();
      }
    });
    JsonNode synced = json.readTree(send("POST", "/api/v1/services/webapi/sync", "").body());
    assertThat(synced.path("objectsApplied").asInt()).isGreaterThan(5);
    assertProblem(send("POST", "/api/v1/services/billing/sync", ""), 422, "no manifests for service 'billing'");
  }

  @Test
  void history_lists_commits_by_service_shows_a_diff_and_reverts_through_the_pipeline() throws Exception {
    JsonNode scaled = json.readTree(send("POST", "/api/v1/services/webapi/versions/v1/scale",
        "{\"replicas\": 6}").body());
    String commit = scaled.path("commit").asString();

    JsonNode page = json.readTree(get("/api/v1/history?service=webapi&size=5").body());
    assertThat(page.path("commits").get(0).path("commit").asString()).isEqualTo(commit);
    assertThat(page.path("commits").get(0).path("action").asString()).isEqualTo("scale");
    assertThat(json.readTree(get("/api/v1/history/" + commit + "/diff").body()).path("diff").asString())
        .contains("+  minReplicas: 6");

    HttpResponse<String> reverted = send("POST", "/api/v1/history/" + commit + "/revert", "{\"reason\": \"too many\"}");
    assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
    assertThat(json.readTree(reverted.body()).path("summary").asString()).startsWith("revert " + commit.substring(0, 8));
    assertProblem(send("POST", "/api/v1/history/0123456789abcdef0123456789abcdef01234567/revert", ""), 422,
        "no commit 0123456789abcdef0123456789abcdef01234567");
    assertProblem(get("/api/v1/history?size=0"), 422, "size 1 to 500");
  }

  @Test
  void what_is_refused_before_any_controller_runs_is_problem_json_too() throws Exception {
    Path remote = Path.of(URI.create(sandbox.gitUrl()));
    String head = GitCli.run(remote, "rev-parse", "main");

    assertProblem(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/api/v1/services/webapi/versions/v1/scale"))
        .header("Authorization", "Bearer " + SandboxTokens.of(provider, "operator"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("replicas=3")).build(),
        HttpResponse.BodyHandlers.ofString()), 415, "text/plain");
    assertProblem(get("/api/v1/services/web%2Fapi/weights"), 400, "%2F");
    assertProblem(get("/api/v1/no-such-thing"), 404, "");
    assertProblem(send("DELETE", "/api/v1/services", ""), 404, "no endpoint DELETE /api/v1/services");
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
        + "/api/v1/services")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertProblem(anonymous, 401, "bearer token");
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
        .startsWith("Bearer"));
    assertProblem(send("POST", "/api/v1/services/webapi/versions/v1/scale", "{\"replicas\": 4, \"reason\": \""
        + "x".repeat(2_001) + "\"}"), 422, "the reason is 2001 characters long; at most 2000");
    assertThat(GitCli.run(remote, "rev-parse", "main")).isEqualTo(head);
  }

  private static JsonNode find(JsonNode services, String name) {
    for (JsonNode s : services) {
      if (s.path("name").asString().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private HttpResponse<String> get(String path) throws Exception {
    return api().get("operator", path);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return api().send("operator", method, path, body);
  }
}
