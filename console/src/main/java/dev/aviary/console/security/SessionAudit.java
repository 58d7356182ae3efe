package dev.aviary.console.security;

import dev.aviary.console.audit.AuditEvent;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.access.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Browser sign-ins (and failed ones) and sign-outs, for the audit log; it is also the pages' logout handler. API
 * calls authenticate on every request and are not listed.
 */
@Component
class SessionAudit implements LogoutHandler {

  private final AuditLog audit;
  private final Clock clock;

  SessionAudit(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void signedIn(AuthenticationSuccessEvent event) {
    if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken login) {
      Role held = CurrentOperator.held(login);
      record(actor(login), "sign-in", AuditEvent.Outcome.SUCCEEDED,
          held == null ? "no Aviary role" : "role " + held.label());
    }
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken) {
      record("unknown", "sign-in", AuditEvent.Outcome.FAILED, String.valueOf(event.getException().getMessage()));
    }
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication != null) {
      record(actor(authentication), "sign-out", AuditEvent.Outcome.SUCCEEDED, "");
    }
  }

  private void record(String actor, String action, AuditEvent.Outcome outcome, String detail) {
    audit.record(new AuditEvent(clock.instant(), actor, action, "", outcome, detail, ""));
  }

  private static String actor(Authentication authentication) {
    try {
      return CurrentOperator.identityOf(authentication).toString();
    } catch (IllegalArgumentException e) {
      return authentication.getName();
    }
  }
}
