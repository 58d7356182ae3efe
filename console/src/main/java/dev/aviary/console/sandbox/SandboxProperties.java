package dev.aviary.console.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import java.time.Duration;

/**
 * The sandbox that stands in for a cluster when none is configured.
 *
 * @param apiPort    port of its API server on 127.0.0.1; 0 picks a free one (the kubeconfig is rewritten each start)
 * @param readyDelay how long a simulated pod takes to pass its readiness probe
 * @param signIn     where its sign-in provider listens
 */
@Validated
@ConfigurationProperties("aviary.sandbox")
public record SandboxProperties(@DefaultValue("0") @Min(0) @Max(65535) int apiPort,
                                @DefaultValue("1500ms") Duration readyDelay,
                                @DefaultValue @Valid SignIn signIn) {

  /**
   * The sandbox's OpenID Connect provider. By default on 127.0.0.1 at a free port; in a container (the image sets
   * both) on every address at a fixed port, published under the same number, as the console's own port must be.
   *
   * @param address the address it binds ({@code AVIARY_SANDBOX_SIGN_IN_ADDRESS})
   * @param port    its port, 0 for a free one ({@code AVIARY_SANDBOX_SIGN_IN_PORT})
   */
  public record SignIn(@DefaultValue("127.0.0.1") @NotBlank String address,
                       @DefaultValue("0") @Min(0) @Max(65535) int port) {
  }
}
