package dev.aviary.console.security;

import dev.aviary.console.SandboxApiTest;
import dev.aviary.console.SandboxTokens;
import dev.aviary.console.access.SignInProvider;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON API takes bearer tokens from the sign-in provider, and roles decide what they may do. */
class ApiSecurityTest extends SandboxApiTest {

  @Autowired
  SignInProvider signIn;

  @Test
  void no_token_or_a_forged_one_gets_401() throws Exception {
    assertThat(get("/api/v1/services", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/v1/services", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtZSJ9.").statusCode()).isEqualTo(401);
  }

  @Test
  void a_token_the_provider_issued_for_another_application_gets_401() throws Exception {
    String other = SandboxTokens.clientCredentials(provider, SandboxIdentityProvider.otherApplicationClientId(),
        SandboxIdentityProvider.otherApplicationSecret());
    HttpResponse<String> response = get("/api/v1/services", other);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
  }

  @Test
  void an_expired_token_is_refused_by_the_api_decoder() {
    String token = SandboxTokens.of(provider, "operator");
    Clock twoHoursLater = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
    assertThatThrownBy(() -> Tokens.apiDecoder(signIn, twoHoursLater).decode(token))
        .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    assertThat(Tokens.apiDecoder(signIn, Clock.systemUTC()).decode(token).getSubject()).isEqualTo("operator-script");
  }

  @Test
  void a_viewer_reads_but_may_not_write() throws Exception {
    String viewer = SandboxTokens.of(provider, "viewer");
    assertThat(get("/api/v1/services", viewer).statusCode()).isEqualTo(200);
    HttpResponse<String> scale = post("/api/v1/services/webapi/versions/v1/scale", "{\"replicas\": 4}", viewer);
    assertThat(scale.statusCode()).isEqualTo(403);
    assertThat(scale.body()).contains("Vera Viewer <viewer@sandbox.aviary.invalid> may not scale");
    assertThat(post("/api/v1/services/webapi/sync", "{}", viewer).statusCode()).isEqualTo(403);
  }

  @Test
  void api_responses_carry_the_security_headers() throws Exception {
    HttpResponse<String> response = get("/api/v1/services", SandboxTokens.of(provider, "viewer"));
    assertThat(response.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeadersFilter.API_POLICY);
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
