package dev.aviary.console.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the audit trail is kept in the cluster. Whichever bound is reached first removes the oldest entries.
 *
 * @param retention     how long an entry is kept
 * @param maxEntries    how many entries are kept at most
 * @param sweepInterval how often the leading console removes what is past either bound
 * @param queueCapacity entries waiting to be stored while the cluster cannot be reached; beyond it the oldest waiting
 *                      one is dropped from the store (its log line stays)
 */
@ConfigurationProperties("aviary.audit")
public record AuditProperties(@DefaultValue("90d") Duration retention, @DefaultValue("10000") int maxEntries,
                              @DefaultValue("10m") Duration sweepInterval,
                              @DefaultValue("10000") int queueCapacity) {

  public AuditProperties {
    if (retention.isZero() || retention.isNegative()) {
      throw new IllegalArgumentException("aviary.audit.retention must be positive, got " + retention);
    }
    if (sweepInterval.isZero() || sweepInterval.isNegative()) {
      throw new IllegalArgumentException("aviary.audit.sweep-interval must be positive, got " + sweepInterval);
    }
    if (maxEntries < AuditLog.SHOWN) {
      throw new IllegalArgumentException("aviary.audit.max-entries must be at least " + AuditLog.SHOWN
          + " (what the Audit page shows), got " + maxEntries);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("aviary.audit.queue-capacity must be at least 1, got " + queueCapacity);
    }
  }
}
