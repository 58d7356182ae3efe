package dev.aviary.console.api;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the embedded server treats what the API's callers send. */
@Configuration(proxyBeanMethods = false)
class ApiServerConfiguration {

  /**
   * An encoded slash ({@code %2F}) in a path is handed on, not refused by Tomcat with its HTML error page: Spring
   * Security's firewall then rejects it with a problem+json 400 like every other API error.
   */
  @Bean
  TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
    return connector -> connector.setEncodedSolidusHandling("passthrough");
  }
}
