package dev.aviary.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

import java.nio.file.Path;

/**
 * Settings that belong to no single external system.
 *
 * @param dataDir where Aviary keeps its Git workspace and, in the sandbox, the sandbox's remote and kubeconfig
 */
@Validated
@ConfigurationProperties("aviary")
public record AviaryProperties(@NotBlank String dataDir) {

  public Path dataDirectory() {
    return Path.of(dataDir).toAbsolutePath().normalize();
  }
}
