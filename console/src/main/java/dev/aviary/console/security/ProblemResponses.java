package dev.aviary.console.security;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The answers security gives before any controller runs, as problem+json like every other API error: no valid
 * token (401, with the {@code WWW-Authenticate} header a bearer-token client expects), a role too low for the API at
 * all (403), and a request the firewall rejects, such as a path with an encoded slash (400).
 */
final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {
  }

  static AuthenticationEntryPoint unauthenticated() {
    BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
    return (request, response, e) -> {
      bearer.commence(request, response, e);
      write(response, HttpServletResponse.SC_UNAUTHORIZED, "Not signed in", "a valid bearer token from the "
          + "sign-in provider is required: " + e.getMessage());
    };
  }

  static AccessDeniedHandler denied() {
    return (request, response, e) -> write(response, HttpServletResponse.SC_FORBIDDEN, "Not allowed",
        "the token's groups give no Aviary role: " + e.getMessage());
  }

  static RequestRejectedHandler rejected() {
    return (request, response, e) -> write(response, HttpServletResponse.SC_BAD_REQUEST, "Request rejected",
        e.getMessage());
  }

  static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ObjectNode body = JSON.createObjectNode().put("type", "about:blank").put("title", title).put("status", status)
        .put("detail", detail);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body.toString());
  }
}
