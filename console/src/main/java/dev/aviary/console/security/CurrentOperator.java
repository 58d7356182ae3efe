package dev.aviary.console.security;

import dev.aviary.console.access.Identity;
import dev.aviary.console.access.Operators;
import dev.aviary.console.access.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The signed-in person, read from Spring Security on the calling thread: through the browser (an OIDC login) or
 * the API (a bearer token). They author the commits their actions make.
 */
@Service
public class CurrentOperator implements Operators {

  private final ObjectProvider<SecurityContextHolderStrategy> strategy;

  /**
   * @param strategy where this application keeps the security context (Vaadin publishes its own): asked first,
   *                 because the static holder holds only the last one installed when several consoles share a JVM
   */
  CurrentOperator(ObjectProvider<SecurityContextHolderStrategy> strategy) {
    this.strategy = strategy;
  }

  @Override
  public Identity current() {
    return identityOf(signedIn()
        .orElseThrow(() -> new NotSignedInException("No one is signed in: Aviary makes changes only for a person")));
  }

  /** The person an authentication stands for, as Git records an author. */
  static Identity identityOf(Authentication authentication) {
    Map<String, Object> claims = claims(authentication);
    String name = first(claims, "name", "preferred_username", "sub").orElse(authentication.getName());
    String email = first(claims, "email").orElseGet(() -> noReplyAddress(authentication.getName(), claims));
    return new Identity(name, email);
  }

  @Override
  public Optional<String> refusal(Role role) {
    Optional<Authentication> authentication = signedIn();
    if (authentication.isEmpty()) {
      return Optional.of("Sign in first.");
    }
    Role held = held(authentication.get());
    if (held != null && held.includes(role)) {
      return Optional.empty();
    }
    return Optional.of((held == null ? "You have no Aviary role" : "Your role is " + held.label()) + "; this needs "
        + role.label() + ".");
  }

  /** The highest role the person holds, or null. */
  static Role held(Authentication authentication) {
    Role highest = null;
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      for (Role role : Role.values()) {
        if (role.authority().equals(authority.getAuthority()) && (highest == null || role.includes(highest))) {
          highest = role;
        }
      }
    }
    return highest;
  }

  Optional<Authentication> signedIn() {
    Authentication a = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy).getContext()
        .getAuthentication();
    if (a == null) {
      // The same holder in a console alone in its JVM; with several, where code outside a request put someone.
      a = SecurityContextHolder.getContext().getAuthentication();
    }
    return a == null || !a.isAuthenticated() || a instanceof AnonymousAuthenticationToken ? Optional.empty()
        : Optional.of(a);
  }

  static Map<String, Object> claims(Authentication authentication) {
    if (authentication.getPrincipal() instanceof OidcUser user) {
      return user.getClaims();
    }
    if (authentication instanceof JwtAuthenticationToken jwt) {
      return jwt.getTokenAttributes();
    }
    return Map.of();
  }

  private static Optional<String> first(Map<String, Object> claims, String... names) {
    return Arrays.stream(names).map(claims::get).filter(v -> v instanceof String s && !s.isBlank())
        .map(String::valueOf).findFirst();
  }

  /** A token without an e-mail claim (a client-credentials script): an address that says who, at the issuer. */
  private static String noReplyAddress(String subject, Map<String, Object> claims) {
    String host = Optional.ofNullable(claims.get("iss")).map(String::valueOf).map(URI::create).map(URI::getHost)
        .orElse("oidc.invalid");
    return subject.replaceAll("[^A-Za-z0-9._-]", "_") + "@users.noreply." + host;
  }

  /** Thrown when an action that needs a person runs with no one signed in. */
  public static final class NotSignedInException extends AuthenticationException {
    NotSignedInException(String message) {
      super(message);
    }
  }
}
