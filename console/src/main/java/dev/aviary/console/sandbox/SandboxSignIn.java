package dev.aviary.console.sandbox;

import dev.aviary.console.access.SignInProvider;
import dev.aviary.sandbox.signin.SandboxIdentityProvider;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Sign-in on the sandbox: its own OpenID Connect provider on 127.0.0.1, with a demo user per role, through the same
 * OAuth2 login and bearer-token checks as a real installation. Never active outside the sandbox.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
class SandboxSignIn {

  private static final Logger log = LoggerFactory.getLogger(SandboxSignIn.class);
  static final String CLIENT_ID = "aviary-sandbox";
  static final String API_AUDIENCE = "aviary";

  @Bean(destroyMethod = "close")
  SandboxIdentityProvider sandboxIdentityProvider(SandboxProperties properties) {
    return SandboxIdentityProvider.start(new SandboxIdentityProvider.Settings(CLIENT_ID, API_AUDIENCE),
        new SandboxIdentityProvider.Listen(properties.signIn().address(), properties.signIn().port()));
  }

  @Bean
  SignInProvider sandboxSignInProvider(SandboxIdentityProvider provider) {
    return new SignInProvider(provider.issuer(), provider.clientId(), provider.clientSecret(),
        List.of("openid", "profile", "email"), API_AUDIENCE);
  }

  /** The console's redirect URI is exact (OAuth 2.1), so it is registered once the console has its port. */
  @Bean
  ApplicationListener<WebServerInitializedEvent> registerConsoleWithProvider(SandboxIdentityProvider provider) {
    return event -> {
      if (event.getApplicationContext().getServerNamespace() != null) {
        return;
      }
      int port = event.getWebServer().getPort();
      provider.registerConsole("http://127.0.0.1:" + port, SignInProvider.REGISTRATION_ID);
      log.info("""

          ==================  Sandbox sign-in  ==================
          Open http://127.0.0.1:{}/ and sign in at the sandbox's own OpenID Connect provider ({}):
          {}
          Scripts: client-credentials tokens from {}/oauth2/token with <user>-script and the same password.
          =======================================================""", port, provider.issuer(),
          provider.users().stream().map(u -> "  " + pad(u.username()) + " / " + u.password() + "   (" + u.group() + ")")
              .collect(Collectors.joining("\n")), provider.issuer());
    };
  }

  /**
   * OAuth 2.1 providers refuse "localhost" in redirect URIs, and cookies for localhost and 127.0.0.1 are apart,
   * so the sandbox console is used at 127.0.0.1: requests for localhost are sent there.
   */
  @Bean
  FilterRegistrationBean<Filter> loopbackAddress() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      if ("localhost".equalsIgnoreCase(http.getServerName())) {
        String query = http.getQueryString() == null ? "" : "?" + http.getQueryString();
        ((HttpServletResponse) response).sendRedirect("http://127.0.0.1:" + http.getServerPort()
            + http.getRequestURI() + query);
        return;
      }
      chain.doFilter(request, response);
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  private static String pad(String s) {
    return String.format("%-9s", s);
  }
}
