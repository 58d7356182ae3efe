package dev.aviary.console;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.server.VaadinSession;
import dev.aviary.console.access.Role;
import dev.aviary.sandbox.signin.DemoUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A demo user signed in for server-side view tests, as the OIDC login leaves them: an OIDC user with the sandbox
 * provider's claims and the authorities the role mapping gives their group. Karibu has no servlet filters, so the
 * fake request is told the principal and roles (what Spring's request wrapper does in a real container).
 *
 * <p>The security context is also put in the Vaadin session, where Spring's login leaves it. Each console's
 * Vaadin-aware holder keeps its own thread-local, and the static holder is whichever console started last: with the
 * tests in two lanes, a console started beside this test between two sign-ins left the first person signed in on
 * the console under test (ReleasesViewTest saw an admin's enabled button after signing in a viewer). Every holder
 * reads the session first.
 */
public final class SignedIn {

  private SignedIn() {
  }

  public static DemoUser demo(String username) {
    return DemoUser.ALL.stream().filter(u -> u.username().equals(username)).findFirst().orElseThrow();
  }

  public static void as(DemoUser user) {
    Set<GrantedAuthority> authorities = Arrays.stream(Role.values())
        .filter(role -> user.group().equals("aviary-" + role.name().toLowerCase() + "s")).findFirst().stream()
        .flatMap(held -> Arrays.stream(Role.values()).filter(held::includes))
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
    OidcIdToken token = new OidcIdToken("test-token", Instant.now(), Instant.now().plusSeconds(3600),
        Map.of("sub", user.username(), "iss", "http://127.0.0.1/test", "name", user.name(), "email", user.email(),
            "preferred_username", user.username(), "groups", List.of(user.group())));
    Authentication authentication = new OAuth2AuthenticationToken(new DefaultOidcUser(authorities, token),
        authorities, "aviary");
    SecurityContextHolder.getContext().setAuthentication(authentication);
    inVaadinSession(new SecurityContextImpl(authentication));
    MockVaadin.setMockRequestFactory(session -> {
      FakeRequest request = new FakeRequest(session);
      request.setUserPrincipalInt(authentication);
      request.setUserInRole((principal, name) -> authorities.stream()
          .anyMatch(a -> a.getAuthority().equals("ROLE_" + name)));
      return request;
    });
  }

  public static void out() {
    SecurityContextHolder.clearContext();
    inVaadinSession(null);
  }

  private static void inVaadinSession(SecurityContext context) {
    VaadinSession session = VaadinSession.getCurrent();
    if (session != null && session.getSession() != null) {
      session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
    }
  }
}
