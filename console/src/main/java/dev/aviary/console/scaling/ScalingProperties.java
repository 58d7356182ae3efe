package dev.aviary.console.scaling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** @param maxReplicas the most replicas an operator may scale one version to, a guard against a slipped digit */
@Validated
@ConfigurationProperties("aviary.scaling")
public record ScalingProperties(@DefaultValue("50") @Min(1) @Max(1000) int maxReplicas) {
}
