package dev.aviary.platform.tracing;

import dev.aviary.platform.PlatformProperties;
import dev.aviary.platform.documents.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Duration;
import java.util.Optional;

/**
 * OpenTelemetry when {@code platform.tracing.endpoint} ({@code OTEL_EXPORTER_OTLP_ENDPOINT}) is set: a span per
 * request and per processing step, batched to the collector over OTLP/HTTP; {@link Tracing#OFF} otherwise.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

  private static final String NO_ENDPOINT = "'${platform.tracing.endpoint:}'.isBlank()";

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression(NO_ENDPOINT)
  static class Off {
    @Bean
    Tracing tracing() {
      return Tracing.OFF;
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("!" + NO_ENDPOINT)
  static class Otlp {

    /** Closed last, which exports the spans still in the batch. */
    @Bean(destroyMethod = "close")
    OpenTelemetrySdk openTelemetry(TracingProperties tracing, PlatformProperties platform) {
      Resource resource = Resource.getDefault().merge(Resource.create(Attributes.of(
          AttributeKey.stringKey("service.name"), platform.service(),
          AttributeKey.stringKey("service.version"), platform.version(),
          AttributeKey.stringKey("service.instance.id"),
          Optional.ofNullable(System.getenv("HOSTNAME")).orElse("local"))));
      OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(tracing.tracesUrl())
          .setTimeout(Duration.ofSeconds(5)).build();
      SdkTracerProvider traces = SdkTracerProvider.builder().setResource(resource)
          .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(tracing.sampleRatio())))
          .addSpanProcessor(BatchSpanProcessor.builder(exporter).setScheduleDelay(Duration.ofSeconds(1)).build())
          .build();
      return OpenTelemetrySdk.builder().setTracerProvider(traces)
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    }

    @Bean
    OpenTelemetryTracing tracing(OpenTelemetrySdk openTelemetry) {
      return new OpenTelemetryTracing(openTelemetry);
    }

    /** Inside the metrics filter's timing, so a request's span and its latency cover the same work. */
    @Bean
    FilterRegistrationBean<RequestSpans> requestSpans(OpenTelemetryTracing tracing) {
      FilterRegistrationBean<RequestSpans> registration = new FilterRegistrationBean<>(new RequestSpans(tracing));
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
      return registration;
    }
  }
}
