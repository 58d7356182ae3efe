package dev.aviary.console.api;

import dev.aviary.console.ConsoleApi;
import dev.aviary.testsupport.git.GitCli;
import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.sandbox.SandboxEnvironment;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.aviary.console.ConsoleApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Releases driven through the JSON API as a script would, with tokens from the sandbox's provider: webapi has a fast
 * plan (three 1-second steps), document-processor a slow one, so a test can steer a release that is still running.
 */
// Its context is built on this class's temporary directory: closed after the class, not kept running against a
// deleted directory until the JVM ends (its watches logged errors for the rest of the build).
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "aviary.sandbox.ready-delay=100ms", "aviary.releases.tick=200ms", "aviary.releases.plan.steps=20,50,100",
    "aviary.releases.plan.step-duration=1s", "aviary.releases.plan.min-requests=1",
    "aviary.releases.plan.warm-window=1s", "aviary.releases.plan.ready-timeout=30s",
    "aviary.releases.services.document-processor.step-duration=10m"})
class ReleasesApiTest {

  @TempDir
  static Path data;
  @LocalServerPort
  int port;
  @Autowired
  SandboxEnvironment sandbox;
  @Autowired
  SandboxIdentityProvider provider;
  @Autowired
  AuditLog audit;
  final ObjectMapper json = new ObjectMapper();

  @DynamicPropertySource
  static void dataDirectory(DynamicPropertyRegistry registry) {
    registry.add("aviary.data-dir", () -> data.toString());
  }

  @Test
  void a_faulty_release_started_through_the_api_rolls_back_by_itself_and_the_api_shows_its_figures() throws Exception {
    HttpResponse<String> started = send("admin", "POST", "/api/v1/releases",
        "{\"service\": \"webapi\", \"tag\": \"1.2.0-faulty\"}");

    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String name = json.readTree(started.body()).path("release").asString();
    assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/releases/" + name);
    assertThat(json.readTree(started.body()).path("change").path("commit").asString())
        .isEqualTo(GitCli.run(remote(), "log", "-1", "--format=%H", "--", "base/webapi"));
    JsonNode done = awaitPhase(name, "ROLLED_BACK");
    assertThat(done.path("message").asString()).contains("failed analysis at 20%: error ratio");
    assertThat(done.path("analyses").get(done.path("analyses").size() - 1).path("outcome").asString())
        .isEqualTo("FAILED");
    assertThat(done.path("analyses").get(0).path("checks").get(0).has("canary")).isTrue();
    assertThat(done.path("history").toString()).contains("rolled back: ").contains("Ada Admin");
    assertThat(done.path("actions")).isEmpty();
    assertThat(json.readTree(get("viewer", "/api/v1/releases?service=webapi").body()).toString()).contains(name);
  }

  @Test
  void a_blue_green_release_started_through_the_api_says_its_strategy_and_an_unknown_strategy_is_refused()
      throws Exception {
    assertProblem(send("admin", "POST", "/api/v1/releases", "{\"service\": \"webapi\", \"tag\": \"1.3.0\", "
        + "\"strategy\": \"rolling\"}"), 422, "\"strategy\": strategy 'rolling' is none of [canary, mirroredCanary, "
        + "blueGreen]");
    HttpResponse<String> started = send("admin", "POST", "/api/v1/releases",
        "{\"service\": \"webapi\", \"tag\": \"1.3.0\", \"strategy\": \"blueGreen\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    String name = json.readTree(started.body()).path("release").asString();

    JsonNode done = awaitPhase(name, "PROMOTED");

    assertThat(done.path("strategy").asString()).isEqualTo("blueGreen");
    assertThat(done.path("spec").path("plan").path("strategy").asString()).isEqualTo("blueGreen");
    assertThat(done.path("spec").path("plan").path("steps").toString()).isEqualTo("[\"preview\",100]");
    assertThat(done.path("analyses").get(0).path("step").asString()).isEqualTo("preview");
    assertThat(GitCli.run(remote(), "log", "--format=%s", "--", "istio/webapi")).contains("switch: all traffic to ");
  }

  @Test
  void an_operator_steers_a_running_release_and_an_action_its_phase_does_not_allow_answers_409() throws Exception {
    String name = startSlowRelease("2.0.0");
    awaitPhase(name, "PROGRESSING");

    assertThat(send("operator", "POST", "/api/v1/releases/" + name + "/pause", "{\"reason\": \"looks odd\"}")
        .statusCode()).isEqualTo(200);
    awaitPhase(name, "PAUSED");
    assertProblem(send("operator", "POST", "/api/v1/releases/" + name + "/pause", ""), 409,
        "cannot pause release " + name + ": it is paused");
    assertProblem(send("operator", "PUT", "/api/v1/releases/" + name + "/weight", "{\"weight\": 130}"), 422,
        "between 0 and 100, got 130");
    assertProblem(send("operator", "PUT", "/api/v1/releases/" + name + "/weight", "{}"), 422, "\"weight\"");
    assertThat(send("operator", "PUT", "/api/v1/releases/" + name + "/weight", "{\"weight\": 30}").statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> release(name).path("weight").asInt() == 30);
    assertThat(send("operator", "POST", "/api/v1/releases/" + name + "/abort", "{\"reason\": \"enough\"}")
        .statusCode()).isEqualTo(200);

    JsonNode done = awaitPhase(name, "ROLLED_BACK");
    assertThat(done.path("message").asString()).contains("aborted by Otto Operator").contains("enough");
    assertProblem(send("operator", "POST", "/api/v1/releases/" + name + "/abort", ""), 409, "nothing to abort");
    assertProblem(send("operator", "POST", "/api/v1/releases/" + name + "/restore-previous", ""), 409,
        "has not changed the stable version yet");
  }

  @Test
  void each_action_has_one_name_in_the_api_the_commit_trailer_and_the_audit() throws Exception {
    String name = startSlowRelease("2.2.0");
    awaitPhase(name, "PROGRESSING");
    List<String> offered = new ArrayList<>();
    release(name).path("actions").forEach(a -> offered.add(a.asString()));

    Map<String, String> trailers = new LinkedHashMap<>();
    trailers.put("pause", trailer(send("operator", "POST", "/api/v1/releases/" + name + "/pause", "")));
    awaitPhase(name, "PAUSED");
    trailers.put("resume", trailer(send("operator", "POST", "/api/v1/releases/" + name + "/resume", "")));
    awaitPhase(name, "PROGRESSING");
    trailers.put("set-weight", trailer(send("operator", "PUT", "/api/v1/releases/" + name + "/weight",
        "{\"weight\": 30}")));
    trailers.put("abort", trailer(send("operator", "POST", "/api/v1/releases/" + name + "/abort", "")));

    assertThat(offered).containsExactly("pause", "promote", "abort", "set-weight");
    trailers.forEach((action, trailer) -> assertThat(trailer).as("the trailer of " + action).isEqualTo(action));
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit.recent())
        .filteredOn(e -> e.outcome() == AuditEvent.Outcome.SUCCEEDED && e.target().startsWith("release=" + name))
        .extracting(AuditEvent::action).containsAll(trailers.keySet()));
  }

  /** The {@code Aviary-Action} trailer of the commit a change through the API made. */
  private String trailer(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    String commit = json.readTree(answer.body()).path("commit").asString();
    return GitCli.run(remote(), "log", "-1", "--format=%(trailers:key=Aviary-Action,valueonly)", commit).strip();
  }

  @Test
  void promote_through_the_api_finishes_a_healthy_release_and_restore_previous_reverts_it() throws Exception {
    String name = startSlowRelease("2.1.0");
    awaitPhase(name, "PROGRESSING");
    assertThat(json.readTree(get("viewer", "/api/v1/releases/" + name).body()).path("actions").toString())
        .isEqualTo("[\"pause\",\"promote\",\"abort\",\"set-weight\"]");

    assertThat(send("operator", "POST", "/api/v1/releases/" + name + "/promote", "").statusCode()).isEqualTo(200);

    JsonNode done = awaitPhase(name, "PROMOTED");
    assertThat(done.path("actions").toString()).isEqualTo("[\"restore-previous\"]");
    HttpResponse<String> restored = send("operator", "POST", "/api/v1/releases/" + name + "/restore-previous",
        "{\"reason\": \"customers complain\"}");
    assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
    assertThat(json.readTree(restored.body()).path("summary").asString()).startsWith("revert ");
    assertThat(trailer(restored)).isEqualTo("restore-previous");
  }

  @Test
  void viewers_cannot_steer_and_only_admins_start_each_refusal_answered_403_and_audited() throws Exception {
    assertProblem(send("viewer", "POST", "/api/v1/releases", "{\"service\": \"webapi\", \"tag\": \"9.9.9\"}"), 403,
        "needs the Admin role");
    assertProblem(send("operator", "POST", "/api/v1/releases", "{\"service\": \"webapi\", \"tag\": \"9.9.9\"}"),
        403, "needs the Admin role");
    assertProblem(send("viewer", "POST", "/api/v1/releases/webapi-v9/abort", ""), 403, "needs the Operator role");

    assertThat(audit.recent()).filteredOn(e -> e.outcome() == AuditEvent.Outcome.DENIED)
        .extracting(AuditEvent::action).contains("start-release", "abort");
    assertProblem(get("viewer", "/api/v1/releases/no-such-release"), 404, "no release no-such-release");
    assertProblem(send("operator", "POST", "/api/v1/releases/no-such-release/pause", ""), 422,
        "no release no-such-release");
    assertProblem(send("admin", "POST", "/api/v1/releases", "{\"service\": \"webapi\"}"), 422, "\"tag\"");
    assertProblem(send("admin", "POST", "/api/v1/releases", "{\"service\": \"billing\", \"tag\": \"1.0.0\"}"), 422,
        "billing");
    assertProblem(send("admin", "POST", "/api/v1/releases", "{\"service\": \"postgresql\", \"tag\": \"17.7\"}"),
        422, "service postgresql runs as StatefulSet postgresql, not a Deployment: versions, traffic and canary "
            + "releases are for Deployments");
  }

  /** A release of document-processor (10-minute steps), once no other of it runs. */
  private String startSlowRelease(String tag) throws Exception {
    await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(get("viewer",
        "/api/v1/releases?service=document-processor&active=true").body()).isEmpty());
    HttpResponse<String> started = send("admin", "POST", "/api/v1/releases",
        "{\"service\": \"document-processor\", \"tag\": \"" + tag + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    return json.readTree(started.body()).path("release").asString();
  }

  private JsonNode awaitPhase(String name, String phase) throws Exception {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> release(name).path("phase").asString().equals(phase));
    return release(name);
  }

  private JsonNode release(String name) throws Exception {
    return json.readTree(get("viewer", "/api/v1/releases/" + name).body());
  }

  private Path remote() {
    return Path.of(URI.create(sandbox.gitUrl()));
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return new ConsoleApi(port, provider).get(user, path);
  }

  private HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    return new ConsoleApi(port, provider).send(user, method, path, body);
  }
}
