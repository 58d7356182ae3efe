package dev.aviary.console.metrics;

/** Whose figures: a service and one of its versions. */
public record SeriesKey(String service, String version) {
}
