package dev.aviary.console.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a service's traces are, in a Jaeger UI ({@code aviary.tracing.ui-url}, e.g. {@code https://jaeger.example.com});
 * no links when it is not set. Jaeger's search page takes the service (platform-app reports {@code APP_SERVICE}
 * as {@code service.name}) and, for one version, its {@code service.version} as a tag.
 *
 * @param uiUrl the Jaeger UI's base URL, or null
 */
@ConfigurationProperties("aviary.tracing")
public record TraceLinks(URI uiUrl) {

  public TraceLinks {
    if (uiUrl != null && (!uiUrl.isAbsolute() || !uiUrl.getScheme().matches("https?"))) {
      throw new IllegalArgumentException("aviary.tracing.ui-url must be an http(s) URL, got '" + uiUrl + "'");
    }
  }

  /** The last hour of the service's traces. */
  public Optional<String> service(String service) {
    return search(service, "");
  }

  /** The last hour of one version's traces. */
  public Optional<String> version(String service, String version) {
    return search(service, "&tags=" + encode("{\"service.version\":\"" + version + "\"}"));
  }

  private Optional<String> search(String service, String more) {
    if (uiUrl == null) {
      return Optional.empty();
    }
    return Optional.of(uiUrl.toString().replaceAll("/+$", "") + "/search?service=" + encode(service)
        + "&lookback=1h&limit=20" + more);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
