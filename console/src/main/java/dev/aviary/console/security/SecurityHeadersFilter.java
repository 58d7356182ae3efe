package dev.aviary.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Response headers that keep the console from being framed, sniffed or fed foreign scripts, on every response.
 * Vaadin's client needs inline and evaluated script, so the pages' policy cannot forbid those; what it forbids is
 * loading anything from anywhere else. Strict-Transport-Security goes out on HTTPS requests (behind a
 * TLS-terminating ingress with forwarded headers on, see the README).
 *
 * <p>Set here, before anything else runs, rather than through Spring Security's header writer: that one writes
 * when a response commits, which Vaadin's page responses never signal (they went out without any header), and
 * Vaadin sets its own X-Frame-Options; the values set here cannot be loosened afterwards.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {

  static final String PAGES_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  private static final Map<String, String> COMMON = Map.of(
      "X-Content-Type-Options", "nosniff",
      "X-Frame-Options", "DENY",
      "Referrer-Policy", "same-origin");
  private static final String HSTS = "max-age=31536000 ; includeSubDomains";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    Map<String, String> fixed = new HashMap<>(COMMON);
    fixed.put("Content-Security-Policy", api ? API_POLICY : PAGES_POLICY);
    if (request.isSecure()) {
      fixed.put("Strict-Transport-Security", HSTS);
    }
    fixed.forEach(response::setHeader);
    chain.doFilter(request, new HttpServletResponseWrapper(response) {
      @Override
      public void setHeader(String name, String value) {
        if (!fixed.containsKey(name) || value.equals(fixed.get(name))) {
          super.setHeader(name, value);
        }
      }

      @Override
      public void addHeader(String name, String value) {
        if (!fixed.containsKey(name)) {
          super.addHeader(name, value);
        }
      }
    });
  }
}
