package dev.aviary.console.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.aviary.console.access.Requires;
import dev.aviary.console.access.Role;
import dev.aviary.console.access.SignInProvider;
import dev.aviary.console.audit.AuditLog;
import dev.aviary.console.sandbox.ConditionalOnConfiguredCluster;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.time.Clock;

/**
 * Who may reach what. Every page and API call needs a signed-in person: pages through an OpenID Connect login,
 * the API through the same provider's bearer tokens. What people may change is checked again in the services
 * ({@link Requires}), so the API and every view are covered by one rule.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

  /** The API: stateless, bearer tokens only, 401 without a valid one, viewers and up; its OpenAPI document public. */
  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, JwtDecoder apiTokens, RoleMapping roles) throws Exception {
    return http.securityMatcher("/api/**")
        // The API's description is public, as Argo CD's swagger.json is: tools read it before they hold a token.
        .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.GET, "/api/v1/openapi", "/api/v1/openapi.yaml")
            .permitAll().anyRequest().hasAuthority(Role.VIEWER.authority()))
        .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(apiTokens)
            .jwtAuthenticationConverter(Tokens.apiAuthentication(roles)))
            .authenticationEntryPoint(ProblemResponses.unauthenticated())
            .accessDeniedHandler(ProblemResponses.denied()))
        .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated())
            .accessDeniedHandler(ProblemResponses.denied()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // No cookies are read here, so there is nothing for a cross-site request to ride on.
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** The pages: Vaadin's rules (its own CSRF token, view access by role) behind an OIDC login. */
  @Bean
  @Order(2)
  SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, RoleMapping roles,
                            SessionAudit sessions) throws Exception {
    DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
        "/oauth2/authorization");
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    // Probes and Prometheus carry no token. An installation serves both on the management port, which its Ingress
    // does not expose (k8s/: MANAGEMENT_SERVER_PORT); the sandbox listens on 127.0.0.1 only.
    http.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/styles/**",
        "/components/**", "/webjars/**", "/favicon.ico", "/icons/**").permitAll());
    String signIn = "/oauth2/authorization/" + SignInProvider.REGISTRATION_ID;
    // One provider: anyone not signed in goes straight to it, no page of choices in between.
    http.oauth2Login(login -> login.loginPage(signIn)
        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(Tokens.browserUsers(roles))));
    http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin
        .oauth2LoginPage(signIn, "{baseUrl}")
        .addLogoutHandler(sessions));
    return http.build();
  }

  /** Requests the firewall turns away (an encoded slash in the path, say) get a problem+json 400, not an error page. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return ProblemResponses.rejected();
  }

  @Bean
  FilterRegistrationBean<SecurityHeadersFilter> securityHeaders() {
    FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
        new SecurityHeadersFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  RoleMapping roleMapping(OidcProperties properties) {
    return new RoleMapping(properties);
  }

  @Bean
  ClientRegistrationRepository clientRegistrations(SignInProvider provider) {
    return new ProviderRegistration(provider);
  }

  @Bean
  JwtDecoder apiTokens(SignInProvider provider, Clock clock) {
    return Tokens.apiDecoder(provider, clock);
  }

  /** A real installation signs in through the configured provider; start-up fails when it is not configured. */
  @Bean
  @ConditionalOnConfiguredCluster
  SignInProvider configuredProvider(OidcProperties properties) {
    return properties.provider();
  }

  /** Wraps every {@link Requires} method of every bean in the guard that checks the role and audits the call. */
  @Bean
  @org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor actionGuard(ObjectProvider<AuditLog> audit, ObjectProvider<Clock> clock,
                             ObjectProvider<CurrentOperator> operators) {
    return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, Requires.class, true),
        new ActionGuard(audit, clock, operators));
  }
}
