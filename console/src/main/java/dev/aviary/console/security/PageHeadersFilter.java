package dev.aviary.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * The security headers on every page Vaadin serves. Spring Security writes its headers when a response commits,
 * which Vaadin's page responses never signal (they went out without any), and Vaadin sets its own
 * X-Frame-Options; so the headers are set here before anything else runs, and the framing rule cannot be
 * loosened afterwards.
 */
final class PageHeadersFilter extends OncePerRequestFilter {

  private static final Map<String, String> HEADERS = Map.of(
      "Content-Security-Policy", SecurityHeaders.PAGES_POLICY,
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "same-origin");
  private static final String HSTS = "max-age=31536000 ; includeSubDomains";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HEADERS.forEach(response::setHeader);
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!HEADERS.containsKey(name) || value.equals(HEADERS.get(name))) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!HEADERS.containsKey(name)) {
          super.addHeader(name, value);
        }
      }
    });
  }
}
