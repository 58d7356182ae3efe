package dev.aviary.console.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Response headers that keep the console from being framed, sniffed or fed foreign scripts. Vaadin's client
 * needs inline and evaluated script, so the policy cannot forbid those; what it does forbid is loading anything
 * from anywhere else. Strict-Transport-Security goes out on HTTPS requests (behind a TLS-terminating ingress, with
 * forwarded headers on, see the README).
 */
final class SecurityHeaders {

  static final String PAGES_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {
  }

  static void pages(HeadersConfigurer<HttpSecurity> headers) {
    common(headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_POLICY)));
  }

  static void api(HeadersConfigurer<HttpSecurity> headers) {
    common(headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY)));
  }

  private static void common(HeadersConfigurer<HttpSecurity> headers) {
    headers.frameOptions(HeadersConfigurer.FrameOptionsConfig::deny)
        .contentTypeOptions(o -> { })
        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
        .httpStrictTransportSecurity(h -> h.includeSubDomains(true).maxAgeInSeconds(31_536_000));
  }
}
