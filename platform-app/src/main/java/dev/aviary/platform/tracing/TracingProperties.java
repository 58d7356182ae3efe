package dev.aviary.platform.tracing;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tracing, off unless an OTLP endpoint is set; the settings take OpenTelemetry's own variable names.
 *
 * @param endpoint    the collector's OTLP/HTTP base URL ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, e.g.
 *                    {@code http://jaeger-collector:4318}); spans go to its {@code /v1/traces}
 * @param sampleRatio share of traces started here that are kept ({@code OTEL_TRACES_SAMPLER_ARG}); a trace that
 *                    arrives sampled from the caller is always kept
 */
@Validated
@ConfigurationProperties("platform.tracing")
public record TracingProperties(String endpoint,
                               @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("1.0") double sampleRatio) {

  boolean enabled() {
    return endpoint != null && !endpoint.isBlank();
  }

  /** Where spans are posted: the base URL with OTLP's path for traces. */
  String tracesUrl() {
    return endpoint.replaceAll("/+$", "") + "/v1/traces";
  }
}
