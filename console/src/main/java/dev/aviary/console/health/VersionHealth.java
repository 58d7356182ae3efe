package dev.aviary.console.health;

import dev.aviary.console.metrics.Reading;

/**
 * One version's row within a service: its replicas, share of traffic and golden signals.
 *
 * @param weight the live route weight in percent, or null when no route names the version
 * @param rate   requests per second
 * @param errors error ratio, 0..1
 * @param p99    p99 latency in milliseconds
 */
public record VersionHealth(String version, String image, int ready, int desired, Integer weight, Reading rate,
                            Reading errors, Reading p99, Health health) {
}
