package dev.aviary.sandbox.signin;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.UUID;

/**
 * The provider's own small Spring context: Tomcat on 127.0.0.1, Spring Authorization Server with OIDC, a login
 * form, the demo users. Only the auto-configuration it needs is imported, so nothing of the console's classpath
 * (Vaadin, the cluster client) starts in it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ImportAutoConfiguration(TomcatServletWebServerAutoConfiguration.class)
class ProviderConfiguration {

  static final String SESSION_COOKIE = "AVIARY_SANDBOX_IDP";

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
    http.oauth2AuthorizationServer(server -> {
      http.securityMatcher(server.getEndpointsMatcher());
      server.oidc(Customizer.withDefaults());
    });
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
            new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }

  /** One security context per request for every filter, however the embedding application changes the global. */
  @Bean
  SecurityContextHolderStrategy securityContextHolderStrategy() {
    return new CurrentGlobalContexts();
  }

  /** Puts Spring Security's filter chain in front of every request (there is no servlet behind it). */
  @Bean
  DelegatingFilterProxyRegistrationBean securityFilter() {
    return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
  }

  /** Its own cookie name: the console on the same host (127.0.0.1) keeps its JSESSIONID. */
  @Bean
  ServletContextInitializer sessionCookieName() {
    return servletContext -> servletContext.getSessionCookieConfig().setName(SESSION_COOKIE);
  }

  @Bean
  UserDetailsService demoUsers() {
    return new InMemoryUserDetailsManager(DemoUser.ALL.stream()
        .map(u -> User.withUsername(u.username()).password("{noop}" + u.password()).roles("USER").build())
        .toList());
  }

  @Bean
  Clients clients() {
    return new Clients();
  }

  @Bean
  KeyPair signingKey() throws NoSuchAlgorithmException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(KeyPair key) {
    RSAKey rsa = new RSAKey.Builder((RSAPublicKey) key.getPublic()).privateKey((RSAPrivateKey) key.getPrivate())
        .keyID(UUID.randomUUID().toString()).build();
    return new ImmutableJWKSet<>(new JWKSet(rsa));
  }

  /** Validates access tokens at the provider's own userinfo endpoint. */
  @Bean
  JwtDecoder jwtDecoder(KeyPair key) {
    return NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings() {
    return AuthorizationServerSettings.builder().build();
  }

  /**
   * Puts the person's name, e-mail and groups into ID and access tokens (script clients act as their person), and
   * makes access tokens for Aviary's clients name Aviary's API as their audience.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> demoClaims(SandboxIdentityProvider.Settings settings) {
    return context -> {
      DemoUser user = DemoUser.named(context.getPrincipal().getName());
      if (user == null) {
        return;
      }
      user.claims().forEach(context.getClaims()::claim);
      if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
        context.getClaims().audience(List.of(settings.apiAudience()));
      }
    };
  }
}
