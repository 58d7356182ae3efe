package dev.aviary.console.security;

import dev.aviary.console.access.Role;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Browser sign-ins, and failed ones, for the audit log. API calls authenticate every time and are not listed. */
@Component
class SignInAudit {

  private final AuditLog audit;
  private final Clock clock;

  SignInAudit(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @EventListener
  void signedIn(AuthenticationSuccessEvent event) {
    if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken login) {
      Role held = CurrentOperator.held(login);
      audit.record(new AuditEvent(clock.instant(), actor(login), "sign-in", "", AuditEvent.Outcome.SUCCEEDED,
          held == null ? "no Aviary role" : "role " + held.label(), ""));
    }
  }

  @EventListener
  void failed(AbstractAuthenticationFailureEvent event) {
    if (event.getAuthentication() instanceof OAuth2LoginAuthenticationToken) {
      audit.record(new AuditEvent(clock.instant(), "unknown", "sign-in", "", AuditEvent.Outcome.FAILED,
          String.valueOf(event.getException().getMessage()), ""));
    }
  }

  static String actor(Authentication authentication) {
    try {
      return CurrentOperator.identityOf(authentication).toString();
    } catch (IllegalArgumentException e) {
      return authentication.getName();
    }
  }
}
