package dev.aviary.console.health;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceLinksTest {

  @Test
  void a_service_and_a_version_link_to_jaegers_search_for_the_last_hour() {
    TraceLinks links = new TraceLinks(URI.create("https://jaeger.example.com/"));

    assertThat(links.service("document-processor")).hasValue(
        "https://jaeger.example.com/search?service=document-processor&lookback=1h&limit=20");
    assertThat(links.version("webapi", "v2")).hasValue("https://jaeger.example.com/search?service=webapi"
        + "&lookback=1h&limit=20&tags=%7B%22service.version%22%3A%22v2%22%7D");
  }

  @Test
  void without_a_jaeger_url_there_are_no_links() {
    assertThat(new TraceLinks(null).service("webapi")).isEmpty();
    assertThat(new TraceLinks(null).version("webapi", "v1")).isEmpty();
  }

  @Test
  void a_url_that_is_not_http_is_refused_naming_the_setting() {
    assertThatThrownBy(() -> new TraceLinks(URI.create("jaeger:16686"))).hasMessage(
        "aviary.tracing.ui-url must be an http(s) URL, got 'jaeger:16686'");
  }
}
