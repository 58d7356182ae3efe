package dev.aviary.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * The service's settings; environment variables as the manifests set them are mapped in application.yaml.
 *
 * @param service          which platform service this instance runs as ({@code APP_SERVICE}: webapi,
 *                         document-processor); both run the whole pipeline, the name is reported in /info
 * @param version          this build's version label ({@code APP_VERSION}), on every metric
 * @param maxDocumentSize  larger uploads get 413
 * @param queueCapacity    documents waiting for a worker; beyond it submissions get 429
 * @param workers          documents processed at once
 * @param chunkWords       words per chunk
 * @param chunkOverlap     words each chunk shares with the one before
 * @param warmup           how long after start the service reports not ready
 * @param storeLimit       documents kept; the oldest are dropped first
 * @param faultErrorRate   share of API requests answered 500 on purpose ({@code FAULT_ERROR_RATE})
 * @param faultLatency     added to every API request on purpose ({@code FAULT_LATENCY_MS})
 * @param metricsPort      when set ({@code METRICS_PORT}), /metrics is also served on this port, plain HTTP, so that
 *                         Prometheus outside a STRICT-mTLS mesh can scrape it; 0 serves it on the API port only
 */
@Validated
@ConfigurationProperties("platform")
public record PlatformProperties(
    @NotBlank @DefaultValue("dev") String version,
    @NotBlank @DefaultValue("platform-app") String service,
    @DefaultValue("5MB") DataSize maxDocumentSize,
    @Min(1) @DefaultValue("64") int queueCapacity,
    @Min(1) @DefaultValue("2") int workers,
    @Min(10) @DefaultValue("200") int chunkWords,
    @Min(0) @DefaultValue("40") int chunkOverlap,
    @DefaultValue("2s") Duration warmup,
    @Min(1) @DefaultValue("10000") int storeLimit,
    @DecimalMin("0.0") @DecimalMax("1.0") @DefaultValue("0") double faultErrorRate,
    @DefaultValue("0ms") Duration faultLatency,
    @Min(0) @DefaultValue("0") int metricsPort) {

  public PlatformProperties {
    if (chunkOverlap >= chunkWords) {
      throw new IllegalArgumentException("platform.chunk-overlap (" + chunkOverlap
          + ") must be smaller than platform.chunk-words (" + chunkWords + ")");
    }
  }
}
