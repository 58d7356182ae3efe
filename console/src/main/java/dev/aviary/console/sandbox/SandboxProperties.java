package dev.aviary.console.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * The sandbox that stands in for a cluster when none is configured.
 *
 * @param apiPort    port of its API server on 127.0.0.1; 0 picks a free one (the kubeconfig is rewritten each start)
 * @param readyDelay how long a simulated pod takes to pass its readiness probe
 */
@Validated
@ConfigurationProperties("aviary.sandbox")
public record SandboxProperties(@DefaultValue("0") @Min(0) @Max(65535) int apiPort,
                                @DefaultValue("1500ms") Duration readyDelay) {
}
