package dev.aviary.console.sandbox;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Settings that make the sandbox quick to try, below every other source (so any setting still wins): a release plan
 * of 20-second steps and a 1-minute warm window instead of a production's 1 minute and 10 minutes, and a minimum
 * request count the sandbox's made-up traffic reaches at the first 5% step. A release's manifest carries the plan it
 * ran with, so the commits say so.
 */
public final class SandboxDefaults implements EnvironmentPostProcessor {

  static final Map<String, Object> DEFAULTS = Map.of(
      "aviary.releases.plan.step-duration", "20s",
      "aviary.releases.plan.warm-window", "1m",
      "aviary.releases.plan.min-requests", "10");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (SandboxMode.active(environment)) {
      environment.getPropertySources().addLast(new MapPropertySource("aviary-sandbox-defaults", DEFAULTS));
    }
  }
}
