/**
 * The metrics source on Prometheus' HTTP API.
 */
package dev.aviary.console.metrics.prometheus;
