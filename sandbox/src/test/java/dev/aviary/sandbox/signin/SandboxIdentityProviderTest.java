package dev.aviary.sandbox.signin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxIdentityProviderTest {

  static SandboxIdentityProvider provider;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    provider = SandboxIdentityProvider.start(new SandboxIdentityProvider.Settings("aviary", "aviary"));
  }

  @AfterAll
  static void stop() {
    provider.close();
  }

  @Test
  void publishes_its_discovery_document_on_the_loopback_address() throws Exception {
    assertThat(provider.issuer()).startsWith("http://127.0.0.1:");
    HttpResponse<String> discovery = get(provider.issuer() + "/.well-known/openid-configuration");
    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(discovery.body()).contains("\"issuer\":\"" + provider.issuer() + "\"")
        .contains("end_session_endpoint").contains("jwks_uri");
  }

  @Test
  void listening_on_every_address_at_a_fixed_port_it_names_the_loopback_address_as_its_issuer() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (SandboxIdentityProvider everywhere = SandboxIdentityProvider.start(
        new SandboxIdentityProvider.Settings("aviary", "aviary"), new SandboxIdentityProvider.Listen("0.0.0.0", port))) {
      assertThat(everywhere.issuer()).isEqualTo("http://127.0.0.1:" + port);
      assertThat(get(everywhere.issuer() + "/.well-known/openid-configuration").body())
          .contains("\"issuer\":\"http://127.0.0.1:" + port + "\"");
    }
  }

  @Test
  void a_script_client_gets_an_access_token_carrying_its_persons_claims_for_aviarys_api() throws Exception {
    String claims = payload(token("operator-script", "operator-sandbox"));
    assertThat(claims).contains("\"aud\":\"aviary\"").contains("\"email\":\"operator@sandbox.aviary.invalid\"")
        .contains("\"groups\":[\"aviary-operators\"]").contains("\"name\":\"Otto Operator\"");
  }

  @Test
  void another_applications_token_names_its_own_audience_and_no_person() throws Exception {
    String claims = payload(token(SandboxIdentityProvider.otherApplicationClientId(),
        SandboxIdentityProvider.otherApplicationSecret()));
    assertThat(claims).contains("\"aud\":\"sandbox-other-app\"").doesNotContain("groups");
  }

  @Test
  void a_wrong_secret_gets_no_token() throws Exception {
    assertThat(tokenResponse("operator-script", "guess").statusCode()).isEqualTo(401);
  }

  @Test
  void an_anonymous_authorization_request_is_sent_to_the_login_form() throws Exception {
    provider.registerConsole("http://127.0.0.1:18080", "aviary");
    HttpResponse<String> response = get(provider.issuer() + "/oauth2/authorize?response_type=code&client_id=aviary"
        + "&scope=openid&state=s&redirect_uri=http://127.0.0.1:18080/login/oauth2/code/aviary"
        + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("AVIARY_SANDBOX_IDP=");
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String token(String client, String secret) throws Exception {
    HttpResponse<String> response = tokenResponse(client, secret);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
  }

  private HttpResponse<String> tokenResponse(String client, String secret) throws Exception {
    String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/oauth2/token"))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String payload(String jwt) {
    return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
  }
}
