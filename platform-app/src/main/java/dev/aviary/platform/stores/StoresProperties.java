package dev.aviary.platform.stores;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where documents are kept besides PostgreSQL's own {@code spring.datasource.*} settings (the manifests set them as
 * {@code SPRING_DATASOURCE_URL}, {@code _USERNAME}, {@code _PASSWORD}).
 *
 * @param redisUrl     the Redis that holds the processing queue and the duplicate check ({@code REDIS_URL}, e.g.
 *                     {@code redis://redis:6379}); needed with PostgreSQL, refused without it
 * @param redisPassword the password Redis requires ({@code REDIS_PASSWORD}), kept apart from the URL so the URL can
 *                     sit in a ConfigMap and only the password in a Secret; when set it replaces one in the URL
 * @param timeout      how long a Redis call may take before it counts as unreachable
 * @param requeueAfter a document QUEUED or PROCESSING for longer is queued again: its instance stopped while holding
 *                     it. Keep it well above the longest processing time, or a slow document is processed twice
 */
@ConfigurationProperties("platform.stores")
public record StoresProperties(String redisUrl, String redisPassword, @DefaultValue("2s") Duration timeout,
                               @DefaultValue("2m") Duration requeueAfter) {

  public StoresProperties {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("platform.stores.timeout must be positive, got " + timeout);
    }
    if (requeueAfter.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("platform.stores.requeue-after must be 1s or more, got " + requeueAfter);
    }
  }

  boolean redisConfigured() {
    return redisUrl != null && !redisUrl.isBlank();
  }

  boolean redisPasswordConfigured() {
    return redisPassword != null && !redisPassword.isEmpty();
  }

  /** Never the password: these settings end up in start-up failures and logs. */
  @Override
  public String toString() {
    return "StoresProperties[redisUrl=" + redisUrl + ", redisPassword=" + (redisPasswordConfigured() ? "(set)" : "(none)")
        + ", timeout=" + timeout + ", requeueAfter=" + requeueAfter + "]";
  }
}
