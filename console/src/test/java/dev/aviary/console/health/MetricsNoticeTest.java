package dev.aviary.console.health;

import com.vaadin.flow.component.html.Div;
import dev.aviary.console.cluster.ConnectionState;
import dev.aviary.console.metrics.Signal;
import dev.aviary.console.metrics.SignalResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsNoticeTest {

  static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

  static Overview with(Signals signals) {
    return new Overview(NOW, new ConnectionState(ConnectionState.Status.LIVE, NOW, "live"), signals, null, List.of());
  }

  @Test
  void a_failed_read_says_metrics_are_unavailable_why_and_since_when() {
    Div notice = new Div();
    Signals failed = new Signals("Prometheus at http://prom:9090", false, NOW, Map.of(Signal.REQUEST_RATE,
        SignalResult.failed(Signal.REQUEST_RATE, NOW, "request rate: cannot connect to Prometheus at http://prom:9090")),
        NOW.minusSeconds(125));

    MetricsNotice.show(notice, with(failed));

    assertThat(notice.getElement().getAttribute("data-kind")).isEqualTo("error");
    assertThat(notice.getText()).isEqualTo("Metrics unavailable: request rate: cannot connect to Prometheus at "
        + "http://prom:9090. Figures show as \"unavailable\", not as zero; last complete read at 11:57:55 UTC.");
  }

  @Test
  void simulated_signals_say_so() {
    Div notice = new Div();
    MetricsNotice.show(notice, with(new Signals("simulated by the sandbox's traffic model", true, NOW, Map.of(), NOW)));

    assertThat(notice.getElement().getAttribute("data-kind")).isEqualTo("simulated");
    assertThat(notice.getText()).startsWith("Golden signals are simulated by the sandbox's traffic model");
  }

  @Test
  void series_no_service_can_be_told_from_are_named_with_what_to_do() {
    Div notice = new Div();
    SignalResult unlabelled = new SignalResult(Signal.REQUEST_RATE, NOW, Map.of(), null,
        new SignalResult.Unlabelled("http_server_requests_total", "service"));

    MetricsNotice.show(notice, with(new Signals("Prometheus at http://prom:9090", false, NOW,
        Map.of(Signal.REQUEST_RATE, unlabelled), NOW)));

    assertThat(notice.getElement().getAttribute("data-kind")).isEqualTo("error");
    assertThat(notice.getText()).isEqualTo("Metrics cannot be matched to services: series for "
        + "http_server_requests_total exist but none has the label service that names the service "
        + "(aviary.prometheus.service-label): add it by relabeling, or set the label the series carry. Until then "
        + "figures show as \"no data\".");
  }
}
