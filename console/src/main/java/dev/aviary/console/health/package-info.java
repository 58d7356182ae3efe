/**
 * The on-call overview: {@link dev.aviary.console.health.HealthRules} say how healthy each part and version is,
 * {@link dev.aviary.console.health.OverviewBuilder} and {@link dev.aviary.console.health.OverviewService} build and
 * share the overview, {@code SignalFeed} brings the golden signals; the Overview and service detail pages show them.
 */
package dev.aviary.console.health;
