package dev.aviary.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import java.time.Clock;

/** Sign-outs for the audit log (a logout handler on the pages' chain). */
final class SignOutAudit implements LogoutHandler {

  private final AuditLog audit;
  private final Clock clock;

  SignOutAudit(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    if (authentication != null) {
      audit.record(new AuditEvent(clock.instant(), SignInAudit.actor(authentication), "sign-out", "",
          AuditEvent.Outcome.SUCCEEDED, "", ""));
    }
  }
}
