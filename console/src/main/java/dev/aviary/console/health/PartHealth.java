package dev.aviary.console.health;

/**
 * One of a service's workloads besides its Deployments, as the service page lists it.
 *
 * @param kind    StatefulSet, DaemonSet, PersistentVolumeClaim, Job or CronJob
 * @param summary what it is doing now ("2 of 3 ready, revision postgresql-7d9f"), short
 */
public record PartHealth(String kind, String name, String summary, Health health) {
}
