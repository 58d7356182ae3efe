package dev.aviary.console.security;

import dev.aviary.console.access.SignInProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.time.Clock;

/** How tokens from the provider become signed-in people with Aviary roles: the browser's ID token, the API's JWT. */
final class Tokens {

  private Tokens() {
  }

  /**
   * Access tokens for the API: signed by the provider (keys from its discovery document, read when the first token
   * arrives), issued by it, meant for Aviary ({@code aud}), and current by the console's clock.
   */
  static JwtDecoder apiDecoder(SignInProvider provider, Clock clock) {
    return new SupplierJwtDecoder(() -> {
      NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(provider.issuerUri()).build();
      JwtTimestampValidator timestamps = new JwtTimestampValidator();
      timestamps.setClock(clock);
      decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
          new JwtIssuerValidator(provider.issuerUri()), new JwtAudienceValidator(provider.audience())));
      return decoder;
    });
  }

  static Converter<Jwt, AbstractAuthenticationToken> apiAuthentication(RoleMapping roles) {
    return jwt -> new JwtAuthenticationToken(jwt, roles.authorities(jwt.getClaims()), jwt.getSubject());
  }

  /** The browser sign-in: the standard OIDC user, with authorities from the groups in its ID token or userinfo. */
  static OAuth2UserService<OidcUserRequest, OidcUser> browserUsers(RoleMapping roles) {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      return new DefaultOidcUser(roles.authorities(user.getClaims()), user.getIdToken(), user.getUserInfo());
    };
  }
}
