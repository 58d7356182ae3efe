package dev.aviary.console;

import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's JSON API over HTTP as a script calls it, with a bearer token of a sandbox demo user's script client. */
public record ConsoleApi(int port, SandboxIdentityProvider provider) {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  public HttpResponse<String> get(String user, String path) throws Exception {
    return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> send(String user, String method, String path, String body) throws Exception {
    return HTTP.send(request(user, path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String user, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + SandboxTokens.of(provider, user));
  }

  /** An answer in problem+json with this status and a detail that says this. */
  public static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t ->
        assertThat(t).startsWith("application/problem+json"));
    assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(detail);
  }
}
